import MSCSimulation

extension PackageRoot {
    /// A shipped scenario (`Scenarios/NAME.yaml`) compiled against the shipped assumptions and authorities.
    public static func shippedPlan(_ name: String) throws -> ScenarioPlan {
        try ScenarioPlan.load(path: file("Scenarios/\(name).yaml"), assumptionsDirectory: file("Assumptions"),
                              authoritiesPath: file("Assumptions/authorities.csv"))
    }
}
