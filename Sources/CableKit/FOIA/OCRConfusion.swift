/// The characters OCR takes for one another in typewritten telegrams — `O`/`0`, `l`/`1`, `S`/`5`, `Z`/`2`,
/// `B`/`8` — and capitals one stroke apart (`P`/`R`). Used only where a field forces the reading: a serial
/// must be digits, a TAGS code must be a known code.
enum OCRConfusion {
    /// The digit `b` stands for where only a digit can stand; nil when it cannot be one.
    static func digit(_ b: UInt8) -> UInt8? {
        if ASCII.isDigit(b) { return b }
        switch b {
        case UInt8(ascii: "O"), UInt8(ascii: "o"), UInt8(ascii: "Q"), UInt8(ascii: "D"): return UInt8(ascii: "0")
        case UInt8(ascii: "I"), UInt8(ascii: "l"), UInt8(ascii: "i"), UInt8(ascii: "|"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "!"): return UInt8(ascii: "1")
        case UInt8(ascii: "Z"), UInt8(ascii: "z"): return UInt8(ascii: "2")
        case UInt8(ascii: "S"), UInt8(ascii: "s"): return UInt8(ascii: "5")
        case UInt8(ascii: "B"): return UInt8(ascii: "8")
        case UInt8(ascii: "G"), UInt8(ascii: "b"): return UInt8(ascii: "6")
        default: return nil
        }
    }

    /// The capital `b` stands for where only a letter can stand; nil when it cannot be one.
    static func letter(_ b: UInt8) -> UInt8? {
        if ASCII.isLetter(b) { return ASCII.upper(b) }
        switch b {
        case UInt8(ascii: "0"): return UInt8(ascii: "O")
        case UInt8(ascii: "1"): return UInt8(ascii: "I")
        case UInt8(ascii: "5"): return UInt8(ascii: "S")
        case UInt8(ascii: "8"): return UInt8(ascii: "B")
        case UInt8(ascii: "2"): return UInt8(ascii: "Z")
        case UInt8(ascii: "6"): return UInt8(ascii: "G")
        default: return nil
        }
    }

    /// `token` read as a number when at least `realDigits` of its characters are digits and every other one
    /// stands for a digit (`[81198` → 181198, `O11752` → 011752); nil otherwise.
    static func number(_ token: some Collection<UInt8>, realDigits: Int) -> [UInt8]? {
        var out: [UInt8] = []
        var real = 0
        for b in token {
            guard let d = digit(b) else { return nil }
            if ASCII.isDigit(b) { real += 1 }
            out.append(d)
        }
        return real >= realDigits && !out.isEmpty ? out : nil
    }

    /// Capitals that differ from another by one stroke, so OCR of a worn ribbon swaps them.
    static let similarCapitals: [UInt8: [UInt8]] = {
        let pairs = ["PR", "PB", "RB", "RK", "BE", "EF", "FP", "OQ", "OD", "OC", "CG", "IL", "IT", "UV", "MN", "NH", "KX"]
        var table: [UInt8: [UInt8]] = [:]
        for pair in pairs {
            let p = Array(pair.utf8)
            table[p[0], default: []].append(p[1])
            table[p[1], default: []].append(p[0])
        }
        return table
    }()

    /// The one known code that `word` becomes when a single capital is read as a similar one (`RINR` → `PINR`);
    /// nil when none or several do.
    static func uniqueNeighbour(of word: String, isKnown: (String) -> Bool) -> String? {
        let bytes = Array(word.utf8)
        var found: String?
        for i in bytes.indices {
            for other in similarCapitals[bytes[i]] ?? [] {
                var candidate = bytes
                candidate[i] = other
                let code = String(decoding: candidate, as: UTF8.self)
                guard isKnown(code) else { continue }
                if found != nil, found != code { return nil }
                found = code
            }
        }
        return found
    }

    /// Edit distance of two short byte strings, stopping early once it exceeds `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
