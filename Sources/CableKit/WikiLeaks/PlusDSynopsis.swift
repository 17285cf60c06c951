import Foundation

/// The values of a WikiLeaks PlusD page's synopsis as Chancery records them.
enum PlusDSynopsis {
    /// `10SHANGHAI60_a` → `10SHANGHAI60`; `1975DACCA00292_b` → `75DACCA292`.
    static func canonicalID(_ s: String) -> String {
        var id = Substring(s)
        if let underscore = id.lastIndex(of: "_"), id.distance(from: underscore, to: id.endIndex) <= 3 { id = id[..<underscore] }
        let b = Array(id.utf8)
        if b.count > 6, b.prefix(4).allSatisfy(ASCII.isDigit), !ASCII.isDigit(b[4]), let year = Int(String(id.prefix(4))) {
            let post = b[4...].prefix(while: ASCII.isUpper)
            let digits = b[(4 + post.count)...]
            if !post.isEmpty, !digits.isEmpty, digits.allSatisfy(ASCII.isDigit), let serial = Int(String(decoding: digits, as: UTF8.self)), serial > 0 {
                return ReferenceID.make(year: year, post: String(decoding: post, as: UTF8.self), serial: serial)
            }
        }
        return String(id)
    }

    /// `2010 February 26, 11:30 (Friday)` → `2010-02-26 11:30`; nil when it is not in that form.
    static func created(_ s: String) -> String? {
        let words = s.split(whereSeparator: { $0 == " " || $0 == "," })
        guard words.count >= 3, let year = Int(words[0]), let day = Int(words[2]) else { return nil }
        guard let m = TelegramForm.monthNames.firstIndex(of: words[1].uppercased()) else { return nil }
        var time = "00:00"
        if words.count > 3, words[3].count == 5, words[3].dropFirst(2).first == ":" { time = String(words[3]) }
        return "\(year)-\(pad(m + 1))-\(pad(day)) \(time)"
    }

    /// `AE - United Arab Emirates | PGOV - Political Affairs--…` → `["AE", "PGOV"]`.
    static func tags(_ s: String) -> [String] {
        s.split(separator: "|").compactMap { part in
            let code = String(part).components(separatedBy: " - ")[0].trimmingCharacters(in: .whitespaces)
            return code.isEmpty ? nil : code
        }
    }
}
