import Foundation
import Testing
@testable import CableKit

/// The sample corpus beside the repository: `<repo>/../shared/corpus`.
private let corpusURL: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CableKitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // repository root
    .appendingPathComponent("../shared/corpus")
    .standardizedFileURL

private func corpusFiles(_ folder: String, ext: String) throws -> [URL] {
    let directory = corpusURL.appendingPathComponent(folder)
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    return names.filter { $0.hasSuffix("." + ext) }.sorted().map { directory.appendingPathComponent($0) }
}

private func readText(_ url: URL) throws -> String {
    let data = try Data(contentsOf: url)
    return String(decoding: data, as: UTF8.self)
}

/// `expected.json` of a corpus folder: file or id key → record.
private func expected(_ folder: String) throws -> [String: [String: Any]] {
    let data = try Data(contentsOf: corpusURL.appendingPathComponent(folder).appendingPathComponent("expected.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
}

/// The codes of a cable's TAGS line, with its continuation lines: person tags in parentheses are
/// dropped (`OVIP (STEINBERG, JAMES B.)` → `OVIP`), everything from `SUBJECT` on is cut.
private func tagsLineCodes(_ text: String) -> [String]? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (index, line) in lines.enumerated() {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let range = trimmed.range(of: "TAGS", options: .caseInsensitive) else { continue }
        let before = trimmed[..<range.lowerBound].uppercased()
        guard before.isEmpty || before.hasPrefix("E.O.") || before.hasPrefix("EO ") else { continue }
        var value = String(trimmed[range.upperBound...])
        var next = index + 1
        // Continuation lines hold nothing but codes (`SNAR, SMIG, MARR, MASS, MOPS, HO`).
        while next < lines.count {
            let candidate = lines[next].trimmingCharacters(in: .whitespacesAndNewlines)
            let tokens = candidate.split(whereSeparator: { $0 == " " || $0 == "," })
            guard !tokens.isEmpty, !candidate.uppercased().hasPrefix("SUBJ"),
                  tokens.allSatisfy({ $0.count >= 2 && $0.count <= 6 && $0.allSatisfy { $0.isUppercase } })
            else { break }
            value += " " + candidate
            next += 1
        }
        if let subject = value.uppercased().range(of: "SUBJECT") {
            value = String(value[..<subject.lowerBound])
        }
        value = value.replacingOccurrences(of: #"\([^)]*\)"#, with: " ", options: .regularExpression)
        return value.uppercased()
            .components(separatedBy: CharacterSet.uppercaseLetters.union(.decimalDigits).inverted)
            .filter { !$0.isEmpty && $0.contains(where: \.isLetter) }
    }
    return nil
}

/// Words of person tags written without parentheses (`OVIP BIDEN JOSEPH`), and WikiLeaks' own
/// slips (`EINDETRD` for `EIND ETRD`); these are not TAGS codes.
private let notCodes: Set<String> = ["BIDEN", "JOSEPH", "CLINTON", "HILLARY", "STEINBERG", "JAMES", "B", "EINDETRD"]

@Suite struct GlossaryTests {
    // MARK: TAGS glossary

    @Test func shippedGlossaryParsesCleanly() {
        let parsed = TagGlossary.parse(tagGlossaryTSV)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(parsed.entries.count == TagGlossary.standard.entries.count)
    }

    @Test func everyCorpusTagHasAnEntry() throws {
        var codes = Set<String>()
        var tagsLines = 0
        for url in try corpusFiles("cablegate", ext: "txt") + corpusFiles("seeds", ext: "txt") {
            if let found = tagsLineCodes(try readText(url)) {
                tagsLines += 1
                codes.formUnion(found)
            }
        }
        // The FOIA texts' TAGS lines are OCR noise; their human readings are in expected.json.
        for folder in ["cablegate", "foia"] {
            for record in try expected(folder).values {
                codes.formUnion(record["tags"] as? [String] ?? [])
            }
        }
        #expect(tagsLines >= 300, "found only \(tagsLines) TAGS lines: is the corpus there?")
        codes.subtract(notCodes)
        #expect(codes.count > 200)
        let missing = codes.filter { !TagGlossary.standard.isKnown($0) }.sorted()
        #expect(missing.isEmpty, "no glossary entry for \(missing)")
    }

    @Test func lookupIgnoresCaseAndKnowsKinds() throws {
        let glossary = TagGlossary.standard
        let prel = try #require(glossary.entry(for: "prel"))
        #expect(prel == TagEntry(code: "PREL", name: "External Political Relations", kind: .subject))
        #expect(glossary.entry(for: " PGOV ")?.name == "Internal Governmental Affairs")
        #expect(glossary.entry(for: "PTER")?.name == "Terrorists and Terrorism")
        #expect(glossary.entry(for: "KNNP") == TagEntry(code: "KNNP", name: "Nuclear Nonproliferation", kind: .program))
        #expect(glossary.entry(for: "pk") == TagEntry(code: "PK", name: "Pakistan", kind: .country))
        #expect(glossary.entry(for: "IZ")?.name == "Iraq")
        #expect(glossary.entry(for: "GM")?.name == "Germany")
        #expect(glossary.entry(for: "SP")?.name == "Spain")
        #expect(glossary.entry(for: "KS")?.name == "South Korea")
        #expect(glossary.entry(for: "AU")?.name == "Austria")
        #expect(glossary.entry(for: "NATO")?.kind == .organization)
        #expect(glossary.entry(for: "PSOE") == TagEntry(code: "PSOE", name: "Spanish Socialist Workers' Party", kind: .other))
        #expect(glossary.isKnown("Xa"))
    }

    @Test func unknownTagsAreNil() {
        let glossary = TagGlossary.standard
        for code in ["", "ZZZZ", "STEINBERG", "EINDETRD", "PRE", "PRELL", "QQ"] {
            #expect(glossary.entry(for: code) == nil, "\(code)")
            #expect(!glossary.isKnown(code), "\(code)")
        }
    }

    @Test func entriesAreSortedUniqueAndFollowTheKindRule() {
        let entries = TagGlossary.standard.entries
        #expect(entries.map(\.code) == entries.map(\.code).sorted())
        #expect(Set(entries.map(\.code)).count == entries.count)
        for entry in entries {
            #expect(entry.code == entry.code.uppercased())
            switch entry.kind {
            case .program:
                #expect(entry.code.count == 4 && entry.code.hasPrefix("K"), "\(entry.code)")
            case .subject:
                #expect(entry.code.count == 4 && !entry.code.hasPrefix("K"), "\(entry.code)")
            case .country:
                #expect(entry.code.count == 2, "\(entry.code)")
            case .organization, .other, .person:
                break
            }
        }
        let glossary = TagGlossary.standard
        #expect(glossary.entries(of: .subject).count >= 90)
        #expect(glossary.entries(of: .program).count >= 30)
        #expect(glossary.entries(of: .country).count >= 250)
        #expect(glossary.entries(of: .organization).count >= 50)
        #expect(glossary.entries(of: .person).isEmpty)
    }

    // MARK: Post directory

    @Test func shippedDirectoryParsesCleanly() {
        let directory = PostDirectory.standard
        #expect(directory.problems.isEmpty, "\(directory.problems)")
        #expect(directory.posts.count >= 250)
        let codes = directory.posts.map(\.code)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
        #expect(Set(directory.posts.map(\.name)).count == codes.count)
        for post in directory.posts where post.code != "STATE" && post.code != "JERUSALEM" {
            #expect(post.country != nil && post.countryCode != nil, "\(post.code)")
        }
    }

    /// Every Cablegate sample: the FM line's sender names the expected origin; samples without a
    /// FM line (partial extracts) name it through the reference id's origin code.
    @Test func cablegateSendersMapToExpectedOrigins() throws {
        let records = try expected("cablegate")
        let directory = PostDirectory.standard
        var viaSender = 0, viaCode = 0
        for url in try corpusFiles("cablegate", ext: "txt") {
            let id = url.deletingPathExtension().lastPathComponent
            let origin = try #require(records[id]?["origin"] as? String, "\(id) not in expected.json")
            let text = try readText(url)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("FM ") }) {
                let sender = String(line.dropFirst(3)).trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(directory.originName(forSender: sender) == origin, "\(id): \(sender)")
                viaSender += 1
            } else {
                let code = String(id.dropFirst(2).prefix(while: { !$0.isNumber }))
                #expect(directory.post(code: code)?.name == origin, "\(id): \(code)")
                viaCode += 1
            }
        }
        #expect(viaSender >= 250)
        #expect(viaSender + viaCode == records.count)
    }

    @Test func senderNames() {
        let directory = PostDirectory.standard
        let cases: [(String, String)] = [
            ("AMEMBASSY ISLAMABAD", "Embassy Islamabad"),
            ("SECSTATE WASHDC", "Secretary of State"),
            ("AMCONSUL PESHAWAR", "Consulate Peshawar"),
            ("USMISSION USNATO", "Mission USNATO"),
            ("USEU BRUSSELS", "USEU Brussels"),
            ("AMEMBASSY BRUSSELS", "Embassy Brussels"),
            ("USMISSION UNVIE VIENNA", "UNVIE"),
            ("RPO DUBAI", "Iran RPO Dubai"),
            ("AMCONSUL DUBAI", "Consulate Dubai"),
            ("USMISSION GENEVA", "Mission Geneva"),
            ("USUN NEW YORK", "USUN New York"),
            ("AMEMBASSY LA PAZ", "Embassy La Paz"),
            ("AMCONSUL RIO DE JANEIRO", "Consulate Rio De Janeiro"),
            ("AIT TAIPEI", "American Institute Taiwan, Taipei"),
            ("USINT HAVANA", "US Interests Section Havana"),
            ("AMEMBASSY PORT AU PRINCE", "Embassy Port Au Prince"),
            ("AMCONSUL HO CHI MINH CITY", "Consulate Ho Chi Minh City"),
            ("USMISSION USOSCE", "US Mission USOSCE"),
            // By rule, for posts not in the table.
            ("AMEMBASSY NEW PLACE", "Embassy New Place"),
            ("AMCONSUL BOMBAY", "Consulate Bombay"),
            ("USMISSION SOMEWHERE", "Mission Somewhere"),
            ("USINT BAGHDAD", "US Interests Section Baghdad"),
            // OCR noise and telegram decoration.
            ("FM AMEMBASSY  LA   PAZ.", "Embassy La Paz"),
            ("amembassy madrid", "Embassy Madrid"),
            ("Amembazgy NICOSIA", "Embassy Nicosia"),
            ("RUEHLP/AMEMBASSY LA PAZ PRIORITY 8662", "Embassy La Paz"),
            ("AMEMBASSY LAPAZ", "Embassy La Paz"),
            ("AMEMBASSY MEXICO CITY", "Embassy Mexico"),
            ("AMEMBASSY N'DJAMENA", "Embassy Ndjamena"),
            ("USMISSION USNATO 5622", "Mission USNATO"),
        ]
        for (sender, name) in cases {
            #expect(directory.originName(forSender: sender) == name, "\(sender)")
        }
        for sender in ["", "FM", "HELLO WORLD", "PRIORITY 123", "AMEMBASSY"] {
            #expect(directory.originName(forSender: sender) == nil, "\(sender)")
        }
    }

    @Test func postsForSenders() throws {
        let directory = PostDirectory.standard
        let islamabad = try #require(directory.post(forSender: "AMEMBASSY ISLAMABAD"))
        #expect(islamabad == Post(code: "ISLAMABAD", name: "Embassy Islamabad", country: "Pakistan", countryCode: "PK"))
        #expect(directory.post(forSender: "USEU BRUSSELS")?.code == "USEUBRUSSELS")
        #expect(directory.post(forSender: "USMISSION USNATO")?.country == "Belgium")
        #expect(directory.post(forSender: "SECSTATE WASHDC")?.code == "STATE")
        #expect(directory.post(forSender: "SECSTATE WASHDC")?.country == nil)
        #expect(directory.post(forSender: "RPO DUBAI")?.countryCode == "AE")
        let rule = try #require(directory.post(forSender: "AMEMBASSY HAVANA"))
        #expect(rule.name == "Embassy Havana" && rule.code == "HAVANA" && rule.country == "Cuba")
        #expect(directory.post(code: "lapaz")?.name == "Embassy La Paz")
        #expect(directory.post(code: "BRUSSELS")?.name == "Embassy Brussels")
        #expect(directory.post(code: "USEUBRUSSELS")?.name == "USEU Brussels")
        #expect(directory.post(code: "NOWHERE") == nil)
    }

    @Test func codesForWrittenNames() {
        let directory = PostDirectory.standard
        let cases: [(String, String)] = [
            ("LA PAZ", "LAPAZ"),
            ("RIO DE JAN", "RIODEJANEIRO"),
            ("RIODEJAN", "RIODEJANEIRO"),
            ("SECSTATE", "STATE"),
            ("SECDEF", "STATE"),
            ("STATE", "STATE"),
            ("THE HAGUE", "THEHAGUE"),
            ("SAO PAULO", "SAOPAULO"),
            ("EMBASSY VIENNA", "VIENNA"),
            ("UNVIE VIENNA", "UNVIEVIENNA"),
            ("USEU BRUSSELS", "USEUBRUSSELS"),
            ("USNATO", "USNATO"),
            ("Rio de Janeiro", "RIODEJANEIRO"),
            ("São Paulo", "SAOPAULO"),
            ("LA PAZ 000886", "LAPAZ"),
            ("AMCONSUL PESHAWAR", "PESHAWAR"),
            ("BUENOS AIRES", "BUENOSAIRES"),
            ("PORT AU PRINCE", "PORTAUPRINCE"),
            ("ISLAMABAD", "ISLAMABAD"),
        ]
        for (written, code) in cases {
            #expect(directory.code(forWrittenName: written) == code, "\(written)")
        }
        // Not posts, or too ambiguous to say.
        for written in ["", "HELLO", "THE", "SAN", "SANTA", "DEPARTMENT OF AGRICULTURE", "RIO", "PARIS FRANCE", "123"] {
            #expect(directory.code(forWrittenName: written) == nil, "\(written)")
        }
        // asked again, from the names already found: the same answers, a post or none
        for (written, code) in cases { #expect(directory.code(forWrittenName: written) == code, "\(written), again") }
        #expect(directory.code(forWrittenName: "RIO") == nil && directory.code(forWrittenName: "HELLO") == nil)
    }

    /// The names already found are kept up to a limit: past it, answers are found each time and not kept.
    @Test func theWrittenNameCacheStopsGrowingAtItsLimit() {
        let cache = WrittenNameCache()
        var found = 0
        for k in 0..<(WrittenNameCache.limit + 10) { _ = cache.code("NAME \(k)") { found += 1; return $0.hasSuffix("7") ? "X" : nil } }
        #expect(found == WrittenNameCache.limit + 10)
        #expect(cache.code("NAME 7") { _ in found += 1; return "Y" } == "X", "kept: not found again")
        #expect(cache.code("NAME \(WrittenNameCache.limit + 7)") { _ in found += 1; return "Y" } == "Y", "past the limit: found again")
        #expect(found == WrittenNameCache.limit + 11)
    }

    @Test func everyPostCodeReadsBackFromItsName() {
        let directory = PostDirectory.standard
        for post in directory.posts {
            #expect(directory.code(forWrittenName: post.code) == post.code, "\(post.code)")
            if post.name.hasPrefix("Embassy ") || post.name.hasPrefix("Consulate ") {
                let place = String(post.name.drop(while: { $0 != " " }).dropFirst())
                #expect(directory.code(forWrittenName: place) == post.code, "\(place)")
                let sender = (post.name.hasPrefix("Embassy ") ? "AMEMBASSY " : "AMCONSUL ") + place.uppercased()
                #expect(directory.originName(forSender: sender) == post.name, "\(sender)")
            }
        }
    }
}
