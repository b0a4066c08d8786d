import Foundation

/// Axis scales and number labels for the charts: "nice" tick steps (1, 2, 5 × 10ⁿ) and compact
/// labels such as £1.2m, £250k, 45%.
enum ChartNumbers {
    /// Ticks covering `low...high` with about `target` steps; returns the widened range too.
    static func ticks(low: Double, high: Double, target: Int = 5) -> (low: Double, high: Double, ticks: [Double]) {
        var low = low.isFinite ? low : 0, high = high.isFinite ? high : 1
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let rawStep = (high - low) / Double(max(1, target))
        let magnitude = pow(10, floor(log10(rawStep)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rawStep } ?? 10 * magnitude
        let first = floor(low / step) * step, last = ceil(high / step) * step
        var ticks: [Double] = []
        var value = first
        while value <= last + step * 1e-9 {
            ticks.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return (first, last, ticks)
    }

    /// Pounds in compact form, precise enough to tell neighbouring ticks apart: £1.2m, £250k, -£40.
    static func money(_ value: Double, step: Double? = nil) -> String {
        if value == 0 { return "£0" }
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        let reference = max(magnitude, step ?? magnitude)
        let (divisor, suffix): (Double, String) =
            reference >= 1e9 ? (1e9, "bn") : reference >= 1e6 ? (1e6, "m") : reference >= 1e4 ? (1e3, "k") : (1, "")
        return sign + "£" + trimmed(magnitude / divisor, step: (step ?? magnitude) / divisor) + suffix
    }

    /// A plain number, compact for large values (1.2m, 45k).
    static func plain(_ value: Double, step: Double? = nil) -> String {
        if value == 0 { return "0" }
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        let reference = max(magnitude, step ?? magnitude)
        let (divisor, suffix): (Double, String) =
            reference >= 1e6 ? (1e6, "m") : reference >= 1e4 ? (1e3, "k") : (1, "")
        return sign + trimmed(magnitude / divisor, step: (step ?? magnitude) / divisor) + suffix
    }

    /// A fraction as a percentage: 0.45 → 45%.
    static func percent(_ fraction: Double, step: Double? = nil) -> String {
        trimmed(fraction * 100, step: (step ?? fraction) * 100) + "%"
    }

    /// A value to three significant figures (for input values on tornado bars): 0.143, 44.5k.
    static func significant(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        guard value != 0 else { return "0" }
        let digits = Int(floor(log10(abs(value))))
        return plain(value, step: pow(10, Double(digits - 2)))
    }

    /// Enough decimals to show `step`'s precision (at most 3), trailing zeros dropped.
    private static func trimmed(_ value: Double, step: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let magnitude = abs(step) > 0 ? abs(step) : abs(value)
        var decimals = 0
        while decimals < 3, magnitude > 0 {
            let scaled = magnitude * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) && scaled >= 1 { break }
            decimals += 1
        }
        var text = NumberText.grouped(value, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
