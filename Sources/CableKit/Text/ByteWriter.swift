/// Bytes appended to one buffer that grows by doubling, for the writers that make many small appends per
/// record (a cable's JSON object and CSV line, the build cache's entries): `Array.append(contentsOf:)`
/// checks the array's uniqueness and capacity and goes through the generic collection path on every call,
/// which cost more than the few bytes each append copies. Not copyable: it owns its buffer, and `finish`
/// hands the bytes over as an array.
@frozen public struct ByteWriter: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var written = 0
    /// How many bytes were written.
    @inlinable public var count: Int { written }
    @usableFromInline var capacity: Int

    @inlinable public init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `n` more bytes.
    @inlinable @inline(__always) public mutating func reserve(_ n: Int) {
        if capacity &- written < n { grow(to: written + n) }
    }

    @inline(never) @usableFromInline mutating func grow(to needed: Int) {
        var size = capacity
        while size < needed { size *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        grown.update(from: base, count: written)
        base.deallocate()
        base = grown
        capacity = size
    }

    @inlinable @inline(__always) public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[written] = byte
        written &+= 1
    }

    @inlinable @inline(__always) public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + written).update(from: from, count: bytes.count)
        written &+= bytes.count
    }

    /// A literal's UTF-8 bytes (no `String` made).
    @inlinable @inline(__always) public mutating func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    @inlinable public mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    @inlinable public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Writes up to `maximum` bytes straight into the buffer: `body` gets where they go and returns how many
    /// it wrote.
    @inlinable @inline(__always) public mutating func write(upTo maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(maximum)
        written &+= body(base + written)
    }

    /// The bytes written so far, read in place.
    @inlinable public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: base, count: written))
    }

    /// The bytes written, as an array.
    @inlinable public consuming func finish() -> [UInt8] {
        let count = written, base = self.base
        return [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
            if count > 0 { out.baseAddress!.update(from: base, count: count) }
            initialized = count
        }
    }
}
