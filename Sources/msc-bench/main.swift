print("msc-bench: not yet")
