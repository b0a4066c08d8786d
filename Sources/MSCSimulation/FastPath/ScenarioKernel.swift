import CKernels
import Foundation
import MSCModel

/// ``ScenarioModel/evaluate(national:posts:)`` flattened for the Monte Carlo's inner loop.
///
/// The readable evaluation visits every post in every year. Here each post is visited once per
/// iteration and enters the yearly sums only through a few totals, which is exact because:
///
/// - **Cost is linear in salary above the NI threshold.** A post of `w` FTE held by `n` people
///   (whole-time people plus one part-time person for a fraction) costs, in year t with salary
///   `S·g_t`, `S·g_t·w·(1 + pension + levy + overhead + NI) − n·NI·threshold + n·budget`, as long
///   as every person's pay is above the threshold in every year. That condition is checked for
///   each post in each iteration (its smallest pay in its smallest-growth year); a post that fails
///   it is costed year by year with ``PostCost/totalForPost(fte:fullTimeSalary:rates:)`` itself.
/// - **A post is funded in one run of years** from its first year to the year its funding ends, so
///   the sum over the posts alive in year t is the sum over all posts less the posts whose funding
///   ended by t, kept in buckets by end year. All-post sums are taken in post order whatever the
///   funding, so two scenarios with the same posts and draws agree to the last digit where every
///   post is funded; a year with no post funded has sums of exactly 0.
///
/// Posts are grouped by what they share: the years they exist in and the year their ramp starts,
/// and, when each funding group's posts are weighted by their chance of staying funded (the
/// central case, unless every weight is 1), their funding group too. A Monte Carlo iteration
/// weights no post, so there its groups are only as many as the posts' runs of years: a scenario
/// whose councils each decide their own part of a shared post has a funding group per shared
/// post, and its yearly sums would otherwise walk each of those groups' buckets in every year. A property test
/// checks this against the readable evaluation on random inputs.
struct ScenarioKernel: Sendable {
    let model: ScenarioModel
    let years: Int
    let postCount: Int
    /// Per post: people paid in full, the part-time fraction (0 if none), all people, the FTE paid.
    let wholePeople: ConstantBuffer<Double>
    let partFraction: ConstantBuffer<Double>
    let people: ConstantBuffer<Double>
    let paidFTE: ConstantBuffer<Double>
    /// The smallest share of the full-time salary any one person in the post is paid.
    let smallestPaidShare: ConstantBuffer<Double>
    /// Per post: the first year and the year after the last it exists in.
    let activeStart: ConstantBuffer<Int>
    let activeEnd: ConstantBuffer<Int>
    /// Per post: training cost by year (`post × years + t`), and whether it has any.
    let training: ConstantBuffer<Double>
    let hasTraining: ConstantBuffer<Bool>
    /// Whether posts carry training places, priced at each iteration's draw (then `training` and
    /// a grouping's `groupTraining` are worked out per iteration in the scratch, not taken from
    /// the constants).
    let pricesTraining: Bool
    /// The posts grouped with their funding group (for survival weights) and without it.
    let byFundingGroup: Grouping
    let byYears: Grouping
    /// Members with some coordinator time, flattened: post, residents per 100,000, log of the FTE
    /// density (so each coverage costs one `exp`), share of the coordinator time, tier role.
    let memberPost: ConstantBuffer<Int>
    let memberResidentsPer100k: ConstantBuffer<Double>
    let memberLogDensity: ConstantBuffer<Double>
    let memberShare: ConstantBuffer<Double>
    let memberRole: ConstantBuffer<ScenarioModel.TierRole>

    /// Posts that exist in the same years, start their ramp in the same year and (in
    /// ``byFundingGroup``) share a funding group, whose survival weights they then take.
    struct Group: Sendable, Hashable {
        let start: Int
        let end: Int
        let rampStart: Int
        let fundingGroup: Int?
    }

    /// One way of grouping the posts: the groups, each post's group, and by group and year the
    /// training cost of all the group's posts (were every one funded).
    struct Grouping: Sendable {
        let groups: [Group]
        let group: ConstantBuffer<Int>
        let groupTraining: ConstantBuffer<Double>

        init(model: ScenarioModel, withFundingGroup: Bool) {
            var groups: [Group] = [], groupIndex: [Group: Int] = [:], group: [Int] = []
            var groupTraining: [Double] = []
            for post in model.posts {
                let active = post.years(inHorizon: model.horizonYears)
                let key = Group(start: active.lowerBound, end: active.upperBound, rampStart: post.rampStartYear,
                                fundingGroup: withFundingGroup ? post.fundingIndex : nil)
                if groupIndex[key] == nil {
                    groupIndex[key] = groups.count
                    groups.append(key)
                    groupTraining.append(contentsOf: repeatElement(0, count: model.horizonYears))
                }
                let index = groupIndex[key]!
                group.append(index)
                for t in active { groupTraining[index * model.horizonYears + t] += post.trainingCost(year: t) }
            }
            self.groups = groups
            self.group = ConstantBuffer(group)
            self.groupTraining = ConstantBuffer(groupTraining)
        }
    }

    init(model: ScenarioModel) {
        self.model = model
        years = model.horizonYears
        postCount = model.posts.count
        var start: [Int] = [], end: [Int] = []
        var whole: [Double] = [], part: [Double] = [], people: [Double] = [], paid: [Double] = [], smallest: [Double] = []
        for post in model.posts {
            let active = post.years(inHorizon: model.horizonYears)
            start.append(active.lowerBound)
            end.append(active.upperBound)
            // As PostCost.totalForPost splits a post: whole people, then one for a fraction above 1e-9.
            let wholeCount = post.fte > 0 ? post.fte.rounded(.down) : 0
            let fraction = post.fte > 0 && post.fte - wholeCount > 1e-9 ? post.fte - wholeCount : 0
            whole.append(wholeCount)
            part.append(fraction)
            people.append(wholeCount + (fraction > 0 ? 1 : 0))
            paid.append(wholeCount + fraction)
            smallest.append(fraction > 0 ? fraction : 1)
        }
        byFundingGroup = Grouping(model: model, withFundingGroup: true)
        byYears = Grouping(model: model, withFundingGroup: false)
        activeStart = ConstantBuffer(start)
        activeEnd = ConstantBuffer(end)
        wholePeople = ConstantBuffer(whole)
        partFraction = ConstantBuffer(part)
        self.people = ConstantBuffer(people)
        paidFTE = ConstantBuffer(paid)
        smallestPaidShare = ConstantBuffer(smallest)
        training = ConstantBuffer(model.posts.flatMap { post in (0..<model.horizonYears).map { post.trainingCost(year: $0) } })
        hasTraining = ConstantBuffer(model.posts.map { post in post.trainingPlaces != nil || post.trainingCostByYear.contains { $0 != 0 } })
        pricesTraining = model.traineeCosting != nil && model.posts.contains { $0.trainingPlaces != nil }
        let members = model.members.filter { $0.ftePer100kResidents > 0 }
        memberPost = ConstantBuffer(members.map(\.post))
        // Residents weighted by the incidence index: the baseline is the national rate times these.
        memberResidentsPer100k = ConstantBuffer(members.map { $0.residents * $0.incidenceIndex / 100_000 })
        memberLogDensity = ConstantBuffer(members.map { log($0.ftePer100kResidents) })
        memberShare = ConstantBuffer(members.map(\.shareOfCoordinatorTime))
        memberRole = ConstantBuffer(members.map(\.role))
    }

    /// Working space for one worker: per-post inputs of an iteration and the buckets, allocated
    /// once per worker and reused for every iteration (plain buffers: no copy-on-write checks).
    final class Scratch {
        let salary: UnsafeMutableBufferPointer<Double>
        let operationalBudget: UnsafeMutableBufferPointer<Double>
        /// The year after the last each post is funded in (its first year when never funded).
        let endYear: UnsafeMutableBufferPointer<Int>
        /// Whether each group's posts had their funding end alike in this iteration, as the funding
        /// draw found them (`msc_sum_posts` then keeps its "ended" sums in registers). It steers
        /// only the speed: the sums are the same either way.
        var fundingEndsAlike = true
        /// The year each post's funding ends, held to its years in the horizon, and the posts
        /// costed year by year, as the posts' sums (``evaluate``) find them.
        let postEnd: UnsafeMutableBufferPointer<Int>
        let exactPosts: UnsafeMutableBufferPointer<Int>
        let effect: UnsafeMutableBufferPointer<Double>
        /// The inputs `effect` was last worked out from (identification rate, county share, log of
        /// the coverage benchmark, coverage elasticity): a central case of a switching-value
        /// search that leaves all four as they were reuses it, and its `exp`s, as it is. The
        /// effects also rest on the kernel's member tables, so a scratch serves only the kernel it
        /// was made for.
        var effectInputs = (Double.nan, Double.nan, Double.nan, Double.nan)
        /// By group and end year (`group × (years + 1) + end`, the last entry of each group holding
        /// all its posts): Σ salary × FTE paid, Σ people × budget, Σ people (posts whose cost is
        /// linear), Σ effect base, Σ posts. Eight more entries after them all take the "ended" sums
        /// of the posts funded to their last year, and are never read (see `msc_sum_posts`).
        let salaryFTE: UnsafeMutableBufferPointer<Double>
        let peopleBudget: UnsafeMutableBufferPointer<Double>
        let peopleCount: UnsafeMutableBufferPointer<Double>
        let effectBase: UnsafeMutableBufferPointer<Double>
        let postCount: UnsafeMutableBufferPointer<Double>
        /// By group and year (`group × years + t`): cost of the posts costed year by year, and the
        /// training of posts no longer funded.
        let exactCost: UnsafeMutableBufferPointer<Double>
        let trainingLost: UnsafeMutableBufferPointer<Double>
        let growth: UnsafeMutableBufferPointer<Double>
        /// By year: the iteration's cost, identifications and posts funded, summed over the groups.
        let yearCost: UnsafeMutableBufferPointer<Double>
        let yearIdentifications: UnsafeMutableBufferPointer<Double>
        let yearChildren: UnsafeMutableBufferPointer<Double>
        let yearPosts: UnsafeMutableBufferPointer<Double>
        /// Training priced at this iteration's draw, when the posts carry places: by post and year
        /// (`post × years + t`), and by group and year for all the group's posts.
        let training: UnsafeMutableBufferPointer<Double>
        let groupTraining: UnsafeMutableBufferPointer<Double>
        /// Uniforms drawn ahead for the posts' salaries and budgets.
        let uniforms: UnsafeMutableBufferPointer<Double>

        init(kernel: ScenarioKernel) {
            // Room for the finer grouping: the other has no more groups.
            let posts = kernel.postCount, years = kernel.years, groups = kernel.byFundingGroup.groups.count
            func doubles(_ count: Int) -> UnsafeMutableBufferPointer<Double> {
                let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(count, 1))
                buffer.initialize(repeating: 0)
                return UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            }
            salary = doubles(posts)
            operationalBudget = doubles(posts)
            endYear = .allocate(capacity: max(posts, 1))
            endYear.initialize(repeating: 0)
            postEnd = .allocate(capacity: max(posts, 1))
            postEnd.initialize(repeating: 0)
            exactPosts = .allocate(capacity: max(posts, 1))
            exactPosts.initialize(repeating: 0)
            effect = doubles(posts)
            let buckets = groups * (years + 1) + Int(MSC_UNREAD_BUCKETS)
            salaryFTE = doubles(buckets)
            peopleBudget = doubles(buckets)
            peopleCount = doubles(buckets)
            effectBase = doubles(buckets)
            postCount = doubles(buckets)
            exactCost = doubles(groups * years)
            trainingLost = doubles(groups * years)
            growth = doubles(years)
            yearCost = doubles(years)
            yearIdentifications = doubles(years)
            yearChildren = doubles(years)
            yearPosts = doubles(years)
            training = doubles(kernel.pricesTraining ? posts * years : 0)
            groupTraining = doubles(kernel.pricesTraining ? groups * years : 0)
            uniforms = doubles(2 * posts)
        }

        deinit {
            for buffer in [salary, operationalBudget, effect, salaryFTE, peopleBudget, peopleCount, effectBase, postCount,
                           exactCost, trainingLost, growth, yearCost, yearIdentifications, yearChildren, yearPosts, training, groupTraining, uniforms] {
                buffer.baseAddress.map { $0.deallocate() }
            }
            endYear.deallocate()
            postEnd.deallocate()
            exactPosts.deallocate()
        }
    }

    /// Evaluates one iteration from the per-post inputs in `scratch` (salary, budget, end year).
    ///
    /// `survival`, when given, weights each funding group's posts in each year by their chance of
    /// being funded (the central case, whose end years are the posts' last years); without it a
    /// post counts in full in the years it is funded.
    func evaluate(national: NationalInputs, survival: [[Double]]?, scratch: Scratch, into outcome: inout ScenarioOutcome) {
        let years = self.years
        let bucketsPerGroup = years + 1
        // Weights that are all exactly 1 weigh nothing: the posts are then grouped as a Monte Carlo
        // iteration groups them, so a central case with funding certain and an iteration with every
        // input at its central value agree to the last digit.
        let weighs = survival?.contains { weights in weights.contains { $0 != 1 } } ?? false
        let grouping = weighs ? byFundingGroup : byYears
        let groups = grouping.groups, groupCount = grouping.groups.count
        // Per-iteration scalars, each from the model's own formula.
        let rates = model.costRates(national, operationalBudget: 0)
        let niRate = rates.employerNIRate, threshold = rates.niSecondaryThreshold
        let linearRate = 1 + rates.proportionalOnCostRate + niRate
        let growthRate = 1 + national[.realPayGrowth]
        // The pending pay award drawn scales every salary in every year: it starts the growth factor.
        var factor = model.payAwardFactor(national)
        var smallestGrowth = factor
        for t in 0..<years {
            scratch.growth[t] = factor
            smallestGrowth = min(smallestGrowth, factor)
            factor *= growthRate
        }
        let rateRatio = model.fullCoverageRateRatio(national)
        let uplift = model.netUplift(national, fullCoverageRateRatio: rateRatio)
        // Children per gross additional adult, times the gross uplift (before displacement).
        let childUplift = (rateRatio - 1) * model.childReferralsPerGrossAdultIdentification(national)
        let rampUpYears = national[.rampUpYears]
        let group = grouping.group.values, activeStart = self.activeStart.values, activeEnd = self.activeEnd.values

        // Effect base of each post: Σ rate × residents × tier weight × coverage × share.
        let rate = national[.baselineIdentificationRate], countyShare = national[.countyShareOfTwoTierIdentifications]
        let logBenchmark = log(national[.coverageBenchmarkFTEPer100k]), elasticity = national[.coverageElasticity]
        let effect = scratch.effect
        // The same four inputs give the same effects (a NaN among them never compares equal).
        if scratch.effectInputs != (rate, countyShare, logBenchmark, elasticity) {
            scratch.effectInputs = (rate, countyShare, logBenchmark, elasticity)
            for index in 0..<postCount { effect[index] = 0 }
            // The tables read into locals once: the loops then load nothing but the values.
            let memberPost = self.memberPost.values, memberLogDensity = self.memberLogDensity.values
            let memberResidentsPer100k = self.memberResidentsPer100k.values, memberRole = self.memberRole.values
            let memberShare = self.memberShare.values
            for m in 0..<self.memberPost.count {
                // min(1, d / b)^e as exp(e · min(0, log d − log b)): full coverage needs no exp at all.
                let logRatio = memberLogDensity[m] - logBenchmark
                let coverage = logRatio >= 0 ? 1 : exp(elasticity * logRatio)
                effect[memberPost[m]] += rate * memberResidentsPer100k[m] * memberRole[m].weight(countyShare: countyShare)
                    * coverage * memberShare[m]
            }
        }

        // Training at this draw's prices, post by post, and summed by group as the constants are.
        var training = self.training.values, groupTraining = grouping.groupTraining.values
        if pricesTraining, let prices = model.trainingPlacePrices(national) {
            for index in 0..<(groupCount * years) { scratch.groupTraining[index] = 0 }
            for (index, post) in model.posts.enumerated() {
                for t in 0..<years {
                    let cost = post.trainingCost(year: t, prices: prices)
                    scratch.training[index * years + t] = cost
                    if t >= activeStart[index] && t < activeEnd[index] { scratch.groupTraining[group[index] * years + t] += cost }
                }
            }
            training = scratch.training
            groupTraining = scratch.groupTraining
        }

        // The grouping's buckets, and the unread ones after every group's (see `msc_sum_posts`).
        let unreadBucket = scratch.postCount.count - Int(MSC_UNREAD_BUCKETS)
        func clearBuckets(_ indices: Range<Int>) {
            for index in indices {
                scratch.salaryFTE[index] = 0
                scratch.peopleBudget[index] = 0
                scratch.peopleCount[index] = 0
                scratch.effectBase[index] = 0
                scratch.postCount[index] = 0
            }
        }
        clearBuckets(0..<(groupCount * bucketsPerGroup))
        clearBuckets(unreadBucket..<scratch.postCount.count)
        for index in 0..<(groupCount * years) {
            scratch.exactCost[index] = 0
            scratch.trainingLost[index] = 0
        }

        // Each post joins its group's "all posts" sums and those of the year its funding ends, in
        // post order, in C (msc_sum_posts): there the running sums stay in registers, where Swift
        // kept half of them on the stack.
        let smallestPaidShare = self.smallestPaidShare.values, paidFTE = self.paidFTE.values, people = self.people.values
        let hasTraining = self.hasTraining.values
        var sums = msc_post_sums(
            posts: postCount, group: group.baseAddress, activeStart: activeStart.baseAddress, activeEnd: activeEnd.baseAddress,
            endYear: scratch.endYear.baseAddress, salary: scratch.salary.baseAddress, budget: scratch.operationalBudget.baseAddress,
            smallestPaidShare: smallestPaidShare.baseAddress, paidFTE: paidFTE.baseAddress, people: people.baseAddress,
            effect: effect.baseAddress, smallestGrowth: smallestGrowth, niThreshold: threshold,
            bucketsPerGroup: bucketsPerGroup, years: years, unreadBucket: unreadBucket,
            salaryFTE: scratch.salaryFTE.baseAddress, peopleBudget: scratch.peopleBudget.baseAddress,
            peopleCount: scratch.peopleCount.baseAddress, effectBase: scratch.effectBase.baseAddress,
            postCount: scratch.postCount.baseAddress, end: scratch.postEnd.baseAddress, exactPosts: scratch.exactPosts.baseAddress,
            endedAlike: scratch.fundingEndsAlike ? 1 : 0)
        let exactCount = msc_sum_posts(&sums)
        for position in 0..<exactCount {
            // Someone's pay dips below the NI threshold: cost this post year by year.
            let index = scratch.exactPosts[position]
            var postRates = rates
            postRates.operationalBudget = scratch.operationalBudget[index]
            let g = group[index]
            for t in activeStart[index]..<scratch.postEnd[index] {
                scratch.exactCost[g * years + t] += PostCost.totalForPost(
                    fte: model.posts[index].fte, fullTimeSalary: scratch.salary[index] * scratch.growth[t], rates: postRates)
            }
        }
        for index in 0..<postCount where hasTraining[index] {
            let g = group[index]
            for t in scratch.postEnd[index]..<activeEnd[index] { scratch.trainingLost[g * years + t] += training[index * years + t] }
        }

        // The yearly sums go to raw buffers and into the outcome's arrays once at the end: adding
        // to an array inside the loop checks it is not shared at every addition.
        let yearCost = scratch.yearCost, yearIdentifications = scratch.yearIdentifications, yearPosts = scratch.yearPosts
        let yearChildren = scratch.yearChildren
        for t in 0..<years {
            yearCost[t] = 0
            yearIdentifications[t] = 0
            yearChildren[t] = 0
            yearPosts[t] = 0
        }
        for (g, key) in groups.enumerated() {
            // Walk the years forwards, taking out the posts whose funding has ended.
            let all = g * bucketsPerGroup + years
            // Only the grouping by funding group names one (the grouping chosen above says whether they weigh).
            let weights = key.fundingGroup.flatMap { survival?[$0] }
            var salaryFTEGone = 0.0, peopleBudgetGone = 0.0, peopleCountGone = 0.0, effectGone = 0.0, postsGone = 0.0
            for t in key.start..<key.end {
                let bucket = g * bucketsPerGroup + t
                salaryFTEGone += scratch.salaryFTE[bucket]
                peopleBudgetGone += scratch.peopleBudget[bucket]
                peopleCountGone += scratch.peopleCount[bucket]
                effectGone += scratch.effectBase[bucket]
                postsGone += scratch.postCount[bucket]
                let posts = scratch.postCount[all] - postsGone
                // With no post left the sums are 0 exactly, not a rounding residue.
                let anyFunded = posts > 0
                let salaryFTE = anyFunded ? scratch.salaryFTE[all] - salaryFTEGone : 0
                let peopleBudget = anyFunded ? scratch.peopleBudget[all] - peopleBudgetGone : 0
                let peopleCount = anyFunded ? scratch.peopleCount[all] - peopleCountGone : 0
                let effect = anyFunded ? scratch.effectBase[all] - effectGone : 0
                let training = anyFunded ? groupTraining[g &* years &+ t] - scratch.trainingLost[g * years + t] : 0
                let weight = weights?[t] ?? 1
                let cost = scratch.growth[t] * linearRate * salaryFTE - niRate * threshold * peopleCount + peopleBudget
                    + scratch.exactCost[g * years + t] + training
                let ramp = IdentificationUplift.ramp(yearIndex: t - key.rampStart, rampUpYears: rampUpYears)
                yearCost[t] += weight * cost
                yearIdentifications[t] += weight * (effect * uplift * ramp)
                yearChildren[t] += weight * (effect * childUplift * ramp)
                yearPosts[t] += weight * posts
            }
        }
        for t in 0..<years {
            outcome.costByYear[t] = yearCost[t]
            outcome.identificationsByYear[t] = yearIdentifications[t]
            outcome.childIdentificationsByYear[t] = yearChildren[t]
            outcome.postsByYear[t] = yearPosts[t]
        }
        let units = model.unitValues(national)
        outcome.value(perIdentification: units.adult, perChildReferral: units.child)
        outcome.appraise(optimismBias: national[.optimismBias], discountFactors: model.discountFactors,
                         startingOptimismBias: model.startingOptimismBias,
                         benefitDiscountFactors: model.benefitDiscountFactors(national))
    }
}
