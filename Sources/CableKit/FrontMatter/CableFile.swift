/// A cable's Markdown file: reads one into a `Cable`, checking each front-matter value against the schema,
/// and writes one back (`FrontMatterWriter`). Errors name the line.
public enum CableFile {
    /// A list of codes (TAGS, reference ids) as a cable holds them: each trimmed, blanks and repeats
    /// dropped (`"PREL "` is `PREL`, and would otherwise get an index of its own).
    public static func codes(_ list: [String]) -> [String] {
        // a cable's few codes are compared with those kept so far (a set hashes each with SipHash, a thousand
        // instructions a code); a long list, which only a hostile file has, goes through a set
        var seen: Set<String>? = list.count > 32 ? [] : nil
        var out: [String] = []
        out.reserveCapacity(list.count)
        for code in list {
            // (a code that neither starts nor ends with a space is taken as it is, without copying its bytes)
            let padded = (code.utf8.first.map(ASCII.isSpace) ?? false) || (code.utf8.last.map(ASCII.isSpace) ?? false)
            let trimmed = padded ? ArraySlice(code.utf8).trimmed.string : code
            guard !trimmed.isEmpty else { continue }
            let isNew = seen != nil ? seen!.insert(trimmed).inserted : !out.contains(trimmed)
            if isNew { out.append(trimmed) }
        }
        return out
    }

    /// Reads the whole file; with `includeBody: false` only the front matter (the body is left empty),
    /// which is what index building needs.
    public static func read(_ text: String, includeBody: Bool = true) throws(FrontMatterParser.Failure) -> Cable {
        var warnings: [FrontMatterParser.Failure] = []
        return try read(text, includeBody: includeBody, warnings: &warnings)
    }

    /// Reads the file as `read(_:includeBody:)` does, adding to `warnings` one for each key that is not part
    /// of the format (`FrontMatterKeys`), in `release`, `source` and `repairs` too: it is ignored, and it may
    /// be a misspelt key whose value is lost (`orign: Embassy Madrid`).
    ///
    /// A value of the wrong type is an error: a list (`[…]`) or map where the format has text, text where it
    /// has `true`/`false` or a date that is not one. Where the format has a list, text without a comma is a
    /// list of that one value (`tags: PREL`); text with a comma is an error, since it cannot be told whether it
    /// is several values or one (a person tag, `STEINBERG, JAMES B.`): a list is written in brackets.
    public static func read(_ text: String, includeBody: Bool = true, warnings: inout [FrontMatterParser.Failure]) throws(FrontMatterParser.Failure) -> Cable {
        let doc = try FrontMatterParser.split(text)
        var cable = Cable()
        if includeBody { cable.body = String(doc.body) }
        typealias Failure = FrontMatterParser.Failure
        func string(_ v: YAMLValue, _ key: String, _ line: Int) throws(Failure) -> String? {
            switch v {
            case .null: return nil
            case .string(let s): return s
            case .bool(let b): return b ? "true" : "false"
            default: throw Failure(line: line, message: "'\(key)' must be text")
            }
        }
        func list(_ v: YAMLValue, _ key: String, _ line: Int) throws(Failure) -> [String] {
            switch v {
            case .null: return []
            case .string(let s):
                guard s.utf8.contains(ASCII.comma) else { return [s] }
                let items = s.split(separator: ",").map { ArraySlice($0.utf8).trimmed.string }.filter { !$0.isEmpty }
                let written = items.prefix(4).map { $0.utf8.contains(ASCII.comma) ? "\"\($0)\"" : String($0) }.joined(separator: ", ") + (items.count > 4 ? ", …" : "")
                throw Failure(line: line, message: "'\(key)' is a list, not text: write it in brackets, '\(key): [\(written)]' "
                    + "(a value with a comma of its own is quoted: [\"STEINBERG, JAMES B.\"])")
            case .list(let items):
                var out: [String] = []
                out.reserveCapacity(items.count)
                for item in items {
                    guard let s = item.text else { throw Failure(line: line, message: "'\(key)' must be a list of text values") }
                    out.append(s)
                }
                return out
            default: throw Failure(line: line, message: "'\(key)' must be a list")
            }
        }
        func codes(_ v: YAMLValue, _ key: String, _ line: Int) throws(Failure) -> [String] { CableFile.codes(try list(v, key, line)) }
        func bool(_ v: YAMLValue, _ key: String, _ line: Int) throws(Failure) -> Bool {
            switch v {
            case .null: return false
            case .bool(let b): return b
            default: throw Failure(line: line, message: "'\(key)' must be true or false")
            }
        }
        func isoDay(_ s: String?, _ key: String, _ line: Int) throws(Failure) -> String? {
            guard let s else { return nil }
            guard s.utf8.count == 10, let d = CableDate(iso: s) else { throw Failure(line: line, message: "'\(key)' must be a date like 2018-04-10, not '\(s.prefix(40))'") }
            return d.isoDate
        }
        var expected = 0
        let keys = Key.allCases
        for (key, value, line) in doc.fields {
            // the keys come in the order the importer writes them: each is compared with the one expected next
            // (equal, two short strings compare in one instruction; a `switch` over the names made some 240
            // calls to compare strings a cable), then looked for among all of them
            let known: Key?
            if expected < keys.count, keys[expected].rawValue == key {
                known = keys[expected]
                expected += 1
            } else if let i = keys.firstIndex(where: { $0.rawValue == key }) {
                known = keys[i]
                expected = i + 1
            } else {
                known = nil
            }
            switch known {
            case .id?:
                cable.id = try string(value, key, line)
                if let id = cable.id, !ReferenceID.isValid(id) {
                    throw Failure(line: line, message: "'id' must be a reference id like 08STATE37957, not '\(id.prefix(60))'")
                }
            case .title?: cable.title = try string(value, key, line)
            case .date?:
                if let s = try string(value, key, line) {
                    guard let d = CableDate(iso: s) else { throw Failure(line: line, message: "'date' must be an ISO 8601 date like 2008-04-10T22:26:00Z, not '\(s.prefix(40))'") }
                    cable.date = d
                }
            case .dateEstimated?: cable.dateEstimated = try bool(value, key, line)
            case .origin?: cable.origin = try string(value, key, line)
            case .classification?:
                if let s = try string(value, key, line) {
                    guard let c = Classification(rawValue: s) ?? Classification(label: s) else {
                        throw Failure(line: line, message: "unknown classification '\(s.prefix(40))' (expected one of \(Classification.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    cable.classification = c
                }
            case .caveats?: cable.caveats = try list(value, key, line)
            case .precedence?: cable.precedence = try string(value, key, line)
            case .to?: cable.to = try list(value, key, line)
            case .info?: cable.info = try list(value, key, line)
            case .tags?: cable.tags = try codes(value, key, line)
            case .references?: cable.references = try codes(value, key, line)
            case .referenceLine?: cable.referenceLine = try string(value, key, line).flatMap(ReferenceLine.normalized)
            case .classifiedBy?: cable.classifiedBy = try string(value, key, line)
            case .reasons?: cable.reasons = try list(value, key, line)
            case .declassifyOn?: cable.declassifyOn = try isoDay(try string(value, key, line), key, line)
            case .signedBy?: cable.signedBy = try string(value, key, line)
            case .summary?: cable.summary = try string(value, key, line)
            case .partial?: cable.partial = try bool(value, key, line)
            case .release?:
                guard case .map(let pairs) = value else {
                    if value == .null { continue }
                    throw Failure(line: line, message: "'release' must be a map (status, exemptions, reviewer, review_date, case)")
                }
                var r = Release()
                for (k, v, l) in pairs {
                    switch k {
                    case "status": r.status = try string(v, "release.status", l)
                    case "exemptions": r.exemptions = try list(v, "release.exemptions", l)
                    case "reviewer": r.reviewer = try string(v, "release.reviewer", l)
                    case "review_date": r.reviewDate = try isoDay(try string(v, "release.review_date", l), "release.review_date", l)
                    case "case": r.caseID = try string(v, "release.case", l)
                    default: warnings.append(FrontMatterKeys.unknown(k, known: FrontMatterKeys.release, within: "release.", line: l))
                    }
                }
                cable.release = r
            case .source?:
                guard case .map(let pairs) = value else {
                    if value == .null { continue }
                    throw Failure(line: line, message: "'source' must be a map (format, file, sha256)")
                }
                for (k, v, l) in pairs {
                    switch k {
                    case "format":
                        if let s = try string(v, "source.format", l) {
                            guard let f = SourceFormat(rawValue: s) else { throw Failure(line: l, message: "unknown source format '\(s.prefix(30))'") }
                            cable.source.format = f
                        }
                    case "file": cable.source.file = try string(v, "source.file", l)
                    case "sha256": cable.source.sha256 = try string(v, "source.sha256", l)
                    case "encoding": cable.source.encoding = try string(v, "source.encoding", l)
                    case "checksum": cable.source.checksum = try string(v, "source.checksum", l)
                    default: warnings.append(FrontMatterKeys.unknown(k, known: FrontMatterKeys.source, within: "source.", line: l))
                    }
                }
            case .repairs?:
                guard case .list(let items) = value else {
                    if value == .null { continue }
                    throw Failure(line: line, message: "'repairs' must be a list")
                }
                for item in items {
                    guard case .map(let pairs) = item else { throw Failure(line: line, message: "each repair must be a map") }
                    var r = Repair(kind: "", original: "", replacement: "")
                    for (k, v, l) in pairs {
                        switch k {
                        case "kind": r.kind = try string(v, "kind", l) ?? ""
                        case "original": r.original = try string(v, "original", l) ?? ""
                        case "replacement": r.replacement = try string(v, "replacement", l) ?? ""
                        case "line": r.line = (try string(v, "line", l)).flatMap { Int($0) }
                        default: warnings.append(FrontMatterKeys.unknown(k, known: FrontMatterKeys.repair, within: "repairs.", line: l))
                        }
                    }
                    cable.repairs.append(r)
                }
            case nil:
                // a site may keep keys of its own; a misspelt key reads just like one
                warnings.append(FrontMatterKeys.unknown(key, known: FrontMatterKeys.cable, line: line))
            }
        }
        cable.references.removeAll { $0 == cable.id }  // a cable does not cite itself
        return cable
    }

    /// A cable's front matter keys, named as the file spells them, in the order `FrontMatterWriter` writes them
    /// (`FrontMatterKeys.cable`).
    enum Key: String, CaseIterable {
        case id, title, date, dateEstimated = "date_estimated", origin, classification, caveats, precedence, to, info, tags, references,
             referenceLine = "reference_line", classifiedBy = "classified_by", reasons, declassifyOn = "declassify_on",
             signedBy = "signed_by", summary, partial, release, source, repairs
    }
}
