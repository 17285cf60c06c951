/// The whole of a review form stamped on a printout in capitals (`DEPARTMENT OF STATE A/CDC/MR`, the EXDIS
/// caption-removal stamp), not only the lines `FOIAPageFurniture.isReviewForm` knows: OCR garbles most of the
/// form's lines past recognition (`option rernovs;d:`, `RE VIIMED by  DATE`, `) CLASSIFY as , OADR`, `• • 6666`),
/// and they would run on into the last paragraph. From each line of the form, the lines next to it (blank lines
/// and furniture passed over) belong to it while they read as the form's: lower-case letters, which a printout
/// in capitals does not print, or no letters at all. The first line in capitals (the signature `ABSHIRE`, a
/// paragraph) ends the form.
enum ReviewFormBlock {
    /// The lines of `copy` that belong to a review form, besides those already marked as furniture.
    static func lines(in copy: Range<Int>, of lines: SourceLines, furniture: [Bool]) -> [Int] {
        guard isInCapitals(copy, of: lines, furniture: furniture) else { return [] }
        var marked = Set<Int>()
        for anchor in copy where FOIAPageFurniture.isReviewForm(lines.trimmed(anchor)) {
            for step in [1, -1] {
                var i = anchor + step
                while copy.contains(i) {
                    let t = lines.trimmed(i)
                    if !t.isEmpty && !furniture[i] {
                        guard readsAsForm(t) else { break }
                        marked.insert(i)
                    }
                    i += step
                }
            }
        }
        return marked.sorted()
    }

    /// A line of the form, as OCR gives it: a lower-case letter, or no letter at all (and no paragraph number).
    static func readsAsForm(_ t: ArraySlice<UInt8>) -> Bool {
        if t.contains(where: ASCII.isLower) { return true }
        return !t.contains(where: ASCII.isLetter) && Paragraphs.start(t) == nil
    }

    /// The copy's text is printed in capitals: of its lines of eight letters or more, those in capitals (OCR's odd
    /// lower-case letter aside) outnumber the others three to two, the form's own lines among the others.
    static func isInCapitals(_ copy: Range<Int>, of lines: SourceLines, furniture: [Bool]) -> Bool {
        var capitals = 0, others = 0
        for i in copy where !furniture[i] {
            let t = lines.trimmed(i)
            let upper = t.filter(ASCII.isUpper).count, lower = t.filter(ASCII.isLower).count
            guard upper + lower >= 8 else { continue }
            if PageBreakJoin.inCapitals(t) { capitals += 1 } else { others += 1 }
        }
        return capitals >= 10 && 2 * capitals >= 3 * others
    }
}
