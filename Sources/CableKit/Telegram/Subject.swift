/// Cleans a SUBJECT value into the cable's title: one line, no leading classification marking
/// (`(C)`, `(S/NF)`), no trailing punctuation of the wrap.
enum Subject {
    static func clean(_ value: String) -> String? {
        var s = squeezeSpaces(value)
        // leading marking "(C) ", "(SBU) ", "(S/NF) "
        let bytes = ArraySlice(Array(s.utf8))
        if let (_, end) = Paragraphs.marking(bytes, at: bytes.startIndex) {
            s = String(decoding: bytes[end...], as: UTF8.self).trimming(" ")
        }
        s = s.trimming(" :;,")
        return s.isEmpty ? nil : s
    }
}

/// The signature line that closes a cable: `RICE`, `Chamberlin`, `MCDONALD`, upper-cased.
enum Signature {
    static func find(in body: [String]) -> String? {
        for line in body.reversed() {
            let t = line.trimming(" \t")
            if t.isEmpty { continue }
            let words = t.split(separator: " ")
            guard (1...3).contains(words.count), t.count <= 32, words.allSatisfy({ w in
                w.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "." } && w.first?.isUppercase == true
            }) else { return nil }
            // a lone classification or caveat word is not a signature
            let upper = t.uppercased()
            if Classification(label: upper) != nil || Caveats.known.contains(upper) || ["END", "NNNN", "BT", "SUMMARY", "COMMENT"].contains(upper) { return nil }
            if upper.hasPrefix("END ") { return nil }
            return upper.trimming(".")
        }
        return nil
    }
}

/// The cable's own summary: the paragraph that opens with `Summary:` (up to `End summary`), or the text
/// under a `Summary` heading; near the top of the cable only.
enum SummaryFinder {
    static func find(in body: [String]) -> String? {
        var seen = 0
        let blocks = BodyWriter.split(body)
        for (k, block) in blocks.enumerated() {
            let text = BodyWriter.reflow(block.lines)
            seen += text.utf8.count
            if seen > 4000 { return nil }
            guard let r = text.range(ofCaseInsensitive: "SUMMARY") else { continue }
            let before = text[..<r.lowerBound]
            // "SUMMARY" as the first word, after a paragraph number and marking
            let lead = String(before).trimming(" ")
            let leadBytes = ArraySlice(Array(lead.utf8))
            var leadIsNumbering = lead.isEmpty
            if let p = Paragraphs.start(leadBytes + [ASCII.space]) {
                let after = leadBytes[min(p.textStart, leadBytes.endIndex)...]
                leadIsNumbering = after.isEmpty || Paragraphs.marking(after, at: after.startIndex).map { $0.1 == after.endIndex } ?? false
            } else if let (_, end) = Paragraphs.marking(leadBytes, at: leadBytes.startIndex), end == leadBytes.endIndex {
                leadIsNumbering = true
            }
            guard leadIsNumbering else { continue }
            var summary: String
            if block.kind == .heading || text.utf8.count < 60 && !text.contains(":") {
                // the text under a heading, up to "End summary" or the next heading
                var parts: [String] = []
                for next in blocks[(k + 1)...] {
                    if next.kind == .heading { break }
                    let t = BodyWriter.reflow(next.lines)
                    if t.range(ofCaseInsensitive: "END SUMMARY") != nil, t.utf8.count < 60 { break }
                    parts.append(stripNumbering(t))
                    if parts.count >= 3 { break }
                }
                summary = parts.joined(separator: " ")
            } else {
                summary = String(text[r.upperBound...]).trimming(" :.-")
            }
            if let end = summary.range(ofCaseInsensitive: "END SUMMARY") { summary = String(summary[..<end.lowerBound]) }
            summary = stripNumbering(summary).trimming(" .-")
            return summary.count >= 40 ? summary : nil
        }
        return nil
    }

    private static func stripNumbering(_ text: String) -> String {
        var bytes = ArraySlice(Array(text.utf8))
        if let p = Paragraphs.start(bytes) { bytes = bytes[p.textStart...] }
        if let (_, end) = Paragraphs.marking(bytes, at: bytes.startIndex) { bytes = bytes[end...] }
        return String(decoding: bytes, as: UTF8.self).trimming(" ")
    }
}
