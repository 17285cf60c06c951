extension Array where Element == String {
    /// What `joined(separator:)` gives, made by copying each element's UTF-8 bytes once into a string of the
    /// right size: the standard library's appends string to string, some two thousand instructions even for
    /// two short elements, and pages, feeds and exports join a few for every cable.
    public func concatenated(separator: String = "") -> String {
        switch count {
        case 0: return ""
        case 1: return self[0]
        default: break
        }
        var total = separator.utf8.count * (count - 1)
        for element in self { total += element.utf8.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            // (a pointer carried through the loop: a variable a nested function changes is checked for
            // exclusive access at every change)
            let start = buffer.baseAddress!
            var out = Self.copy(self[0], to: start)
            for element in self.dropFirst() {
                out = Self.copy(separator, to: out)
                out = Self.copy(element, to: out)
            }
            return out - start
        }
    }

    /// Copies the UTF-8 bytes of `s` to `out`; returns where they end.
    private static func copy(_ s: String, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let copied = s.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            if let base = bytes.baseAddress, bytes.count > 0 { out.update(from: base, count: bytes.count) }
            return bytes.count
        }
        if let copied { return out + copied }
        var at = out
        for byte in s.utf8 { at.pointee = byte; at += 1 }
        return at
    }
}
