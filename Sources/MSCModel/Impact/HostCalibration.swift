import Foundation

/// The councils the identification rate ratio was measured in, with the coverage they had
/// (DESIGN 3.3, 3.4).
///
/// The derived rate ratio comes from the share of referrals made by the councils that had a post
/// in 2023 (the hosts), so it measures the effect at *their* coverage: a single post in a large
/// council is spread thin, and the coverage rule gives it only part of a full post's effect. The
/// model applies the ratio at full coverage, so it is scaled up by the hosts' coverage, weighted by
/// their baseline identifications, `c̄ = Σ_h base_h · c_h / Σ_h base_h`:
///
///     RR_full = 1 + max(0, RR_hosts − 1) / c̄
///
/// Run on the hosts with their own coverage, the model then gives back the ratio (and so the share
/// of referrals) it was derived from: `1 + (RR_full − 1) · c̄ = RR_hosts`. A ratio below 1 is held
/// at 1: no mechanism by which a post would reduce identifications has been offered, so a draw
/// below 1 means the post adds nothing (``IdentificationUplift/fullCoverageRateRatio(hostRateRatio:hostCoverage:)``).
public struct HostCalibration: Sendable, Equatable {
    /// One host council: its residents, the coordinator FTE serving it per 100,000 residents and
    /// its place in a two-tier area (which sets its share of the area's identifications).
    public struct Host: Sendable, Equatable {
        public let residents: Double
        public let ftePer100kResidents: Double
        public let role: ScenarioModel.TierRole

        public init(residents: Double, fte: Double, role: ScenarioModel.TierRole) {
            self.residents = residents
            self.ftePer100kResidents = residents > 0 ? fte / residents * 100_000 : 0
            self.role = role
        }
    }

    public let hosts: [Host]

    public init(hosts: [Host]) { self.hosts = hosts }

    /// No hosts: the rate ratio is taken as measured at full coverage (c̄ = 1).
    public static let none = HostCalibration(hosts: [])

    /// The hosts `codes` of `authorities`, each served by one post of `fte` FTE of its own.
    public init(codes: [String], authorities: AuthorityTable, fte: Double) {
        let wanted = Set(codes)
        hosts = authorities.authorities.filter { wanted.contains($0.code) }.map { authority in
            Host(residents: Double(authority.population), fte: fte, role: ScenarioModel.TierRole(tier: authority.tier))
        }
    }

    /// The hosts' coverage weighted by their baseline identifications (residents × tier weight;
    /// the national rate cancels), in (0, 1]; 1 when there are no hosts.
    public func coverage(_ parameters: CoverageParameters, countyShare: Double) -> Double {
        var weighted = 0.0, total = 0.0
        for host in hosts {
            let weight = host.residents * host.role.weight(countyShare: countyShare)
            weighted += weight * parameters.coverage(ftePer100kResidents: host.ftePer100kResidents)
            total += weight
        }
        return total > 0 ? weighted / total : 1
    }
}
