import CGSL

// Owners of the GSL matrices and vectors GSLKit hands to GSL. Each frees its object in `deinit`,
// so no early return or thrown error can leak one. They are internal: public APIs take and return
// Swift arrays.

/// Validates a rectangular array of rows and returns its shape, or throws naming `what`.
func shapeOf(_ rows: [[Double]], _ what: String, in context: String) throws(GSLError) -> (rows: Int, columns: Int) {
    guard let first = rows.first, !first.isEmpty else {
        throw GSLError(code: GSLError.badLength, context: "\(context): \(what) is empty")
    }
    let columns = first.count
    for (index, row) in rows.enumerated() {
        guard row.count == columns else {
            throw GSLError(
                code: GSLError.badLength,
                context: "\(context): \(what) row \(index) has \(row.count) entries, expected \(columns)")
        }
        for (column, value) in row.enumerated() where !value.isFinite {
            throw GSLError(
                code: GSLError.domainError,
                context: "\(context): \(what) entry [\(index)][\(column)] is not finite (\(value))")
        }
    }
    return (rows.count, columns)
}

/// Throws unless every value is finite, naming `what` and the first bad index.
func requireFinite(_ values: [Double], _ what: String, in context: String) throws(GSLError) {
    if let index = values.firstIndex(where: { !$0.isFinite }) {
        throw GSLError(
            code: GSLError.domainError,
            context: "\(context): \(what)[\(index)] is not finite (\(values[index]))")
    }
}

/// An owned `gsl_matrix` (row-major, as GSL stores it).
final class GSLMatrix {
    let pointer: UnsafeMutablePointer<gsl_matrix>
    let rows: Int
    let columns: Int

    /// Allocates a zeroed `rows` x `columns` matrix; both must be positive.
    init(rows: Int, columns: Int, context: String) throws(GSLError) {
        ErrorHandler.ensureInstalled()
        // gsl_matrix_calloc with a zero dimension reports an error and returns NULL; say why here.
        guard rows > 0, columns > 0 else {
            throw GSLError(code: GSLError.badLength, context: "\(context): empty matrix (\(rows) x \(columns))")
        }
        guard let p = gsl_matrix_calloc(rows, columns) else {
            throw GSLError(code: GSLError.outOfMemory, context: "\(context): cannot allocate a \(rows) x \(columns) matrix")
        }
        pointer = p
        self.rows = rows
        self.columns = columns
    }

    /// Allocates a matrix holding `values`, which must already be validated as rectangular.
    convenience init(_ values: [[Double]], context: String) throws(GSLError) {
        try self.init(rows: values.count, columns: values.first?.count ?? 0, context: context)
        let tda = pointer.pointee.tda
        let data = pointer.pointee.data!
        for (i, row) in values.enumerated() {
            for (j, value) in row.enumerated() {
                data[i * tda + j] = value
            }
        }
    }

    deinit { gsl_matrix_free(pointer) }

    subscript(row: Int, column: Int) -> Double {
        get { pointer.pointee.data[row * pointer.pointee.tda + column] }
        set { pointer.pointee.data[row * pointer.pointee.tda + column] = newValue }
    }

    /// The matrix as Swift rows.
    var array: [[Double]] {
        (0..<rows).map { i in (0..<columns).map { j in self[i, j] } }
    }
}

/// An owned `gsl_vector` (unit stride, as `gsl_vector_calloc` makes it).
final class GSLVector {
    let pointer: UnsafeMutablePointer<gsl_vector>
    let count: Int

    /// Allocates a zeroed vector of `count` (> 0) entries.
    init(count: Int, context: String) throws(GSLError) {
        ErrorHandler.ensureInstalled()
        guard count > 0 else {
            throw GSLError(code: GSLError.badLength, context: "\(context): empty vector")
        }
        guard let p = gsl_vector_calloc(count) else {
            throw GSLError(code: GSLError.outOfMemory, context: "\(context): cannot allocate a vector of \(count)")
        }
        pointer = p
        self.count = count
    }

    /// Allocates a vector holding `values`.
    convenience init(_ values: [Double], context: String) throws(GSLError) {
        try self.init(count: values.count, context: context)
        let data = pointer.pointee.data!
        for (i, value) in values.enumerated() { data[i] = value }
    }

    deinit { gsl_vector_free(pointer) }

    subscript(index: Int) -> Double {
        get { pointer.pointee.data[index * pointer.pointee.stride] }
        set { pointer.pointee.data[index * pointer.pointee.stride] = newValue }
    }

    /// The vector as a Swift array.
    var array: [Double] {
        (0..<count).map { self[$0] }
    }
}
