import MSCModel

/// The input error thrown by `body`, as the one line the command line would print; nil when
/// nothing is thrown, and "unexpected …" for any other error.
public func inputErrorMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as InputError {
        return error.description
    } catch {
        return "unexpected \(error)"
    }
}
