/// The toolkit's version, reported by `msc --version` and written into every run manifest.
public let toolkitVersion = "0.1.0"
