import GSLKit
import Testing

/// The engine's uniforms come from taus2 a block at a time (``RandomStream/fillUniform(_:)``,
/// stepping GSL's own generator state in C). They must be GSL's stream bit for bit: the same
/// numbers, in the same order, as `gsl_rng_uniform` one call at a time (``RandomStream/uniform()``),
/// across blocks of any size and mixed with single draws from the same stream.
@Suite struct KernelUniformTests {
    @Test(arguments: [0, 1, 9, 4357, 20_250_101, 0xDEAD_BEEF_1234_5678] as [UInt64])
    func blockFilledTauswortheUniformsAreGSLsStream(seed: UInt64) {
        let blocks = RandomStream(seed: seed, algorithm: .tausworthe)
        let oneByOne = RandomStream(seed: seed, algorithm: .tausworthe)
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: 1000)
        defer { buffer.deallocate() }
        var compared = 0
        for size in [1, 2, 3, 7, 64, 256, 1000, 5] {
            let block = UnsafeMutableBufferPointer(rebasing: buffer[0..<size])
            blocks.fillUniform(block)
            for value in block {
                #expect(value.bitPattern == oneByOne.uniform().bitPattern, "seed \(seed), block of \(size)")
                compared += 1
            }
            // A single draw between blocks continues from where the block left the state.
            #expect(blocks.uniform().bitPattern == oneByOne.uniform().bitPattern, "seed \(seed), after a block of \(size)")
        }
        #expect(compared == 1 + 2 + 3 + 7 + 64 + 256 + 1000 + 5)
    }

    /// GSL's own check of taus2 (`rng/test.c`): seeded with 1, its 10,000th output is 2733957125;
    /// here reached through blocks only.
    @Test func blockFilledTauswortheMatchesGSLsReferenceValue() {
        let stream = RandomStream(seed: 1, algorithm: .tausworthe)
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2500)
        defer { buffer.deallocate() }
        for _ in 0..<4 { stream.fillUniform(buffer) }
        #expect(buffer[2499] * 4_294_967_296 == 2_733_957_125)
    }
}
