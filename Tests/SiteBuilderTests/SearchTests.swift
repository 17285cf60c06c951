import Foundation
@testable import SiteBuilder
import Testing

/// The reader-side search: the tokenizer's rules, the index files the build writes, and the real client
/// (Themes/default/assets/search.js) run under Node against the sample reading room.
@Suite struct SearchTests {
    // MARK: tokens

    @Test(arguments: [
        ("POSSIBLE RELEASE OF A.Q. KHAN", ["possible", "release", "khan"]),
        ("Shelter Now detainees", ["shelter", "now", "detainee"]),
        ("SHELTER NOW DETAINEES", ["shelter", "now", "detainee"]),
        ("the Embassies' policies; his bus, the class", ["embassy", "policy", "bus", "class"]),
        ("REF: 08STATE37957 TAGS: PREL, PK, KNNP", ["ref", "08state37957", "tag", "prel", "pk", "knnp"]),
        ("told XXXXXXXXXXXX that xxxxx SIPDIS RUEHFR #2440 VZCZCXYZ0000", ["told", "2440"]),
        ("Zürich, São Paulo, Łódź, Straße, Ærø, ÉCOLE", ["zurich", "sao", "paulo", "lodz", "strasse", "aero", "ecole"]),
        ("Al-Qaida's 1.4(b) U.S. 2008-04-10", ["al", "qaida", "2008", "04", "10"]),
        ("Минск Κύπρος", ["минск", "κυπροσ"]),
        // plurals whose singular is another word keep their s; the rest lose it as before
        ("NEWS of ARMS, goods and means: customs series, species; new arm good mean custom", ["news", "arms", "goods", "means", "customs", "series", "species", "new", "arm", "good", "mean", "custom"]),
        ("newss Arms-Control newsletters", ["newss", "arms", "control", "newsletter"]),
    ])
    func tokenizer(_ text: String, _ terms: [String]) {
        #expect(SearchTokenizer.terms(text) == terms)
    }

    /// The tokenizer tells a word of letters only (which loses a plural `s`) by finding no ASCII digit in its
    /// folded bytes, so no letter may fold to one.
    /// Skipping varints counts their last bytes: where as many reads would end, on whole streams and on
    /// streams cut short.
    @Test func skippingVarintsEndsWhereReadingThemWould() {
        var stream: [UInt8] = []
        for v: UInt32 in [0, 1, 127, 128, 300, 16_383, 16_384, 2_097_152, UInt32.max, 5, 0] { stream.appendSearchVarint(v) }
        stream.withUnsafeBufferPointer { all in
            for cut in [all.count, all.count - 1, all.count - 3, 4, 1, 0] {
                let bytes = UnsafeBufferPointer(rebasing: all[0..<cut])
                for count: UInt32 in [0, 1, 2, 5, 11, 20] {
                    var read = VarintReader(bytes), skipped = VarintReader(bytes)
                    for _ in 0..<count { _ = read.next() }
                    skipped.skip(count)
                    #expect(skipped.offset == read.offset, "\(count) of \(cut) bytes")
                }
            }
        }
    }

    @Test func noLetterFoldsToAnASCIIDigit() {
        for value in UInt32(0x80)...0x10FFFF {
            if case .letter(let bytes) = SearchTokenizer.Fold.compute(value) { #expect(!bytes.contains { (0x30...0x39).contains($0) }, "U+\(String(value, radix: 16))") }
        }
        #expect(SearchTokenizer.terms("ABC1S 2NDS x²ys Ⅻths minutes") == ["abc1s", "2nds", "x²ys", "ⅻths", "minute"])
    }

    /// `scan` takes a run of ASCII letters and digits as a token as it stands and reads the runs with a
    /// multi-byte scalar byte by byte: the terms must be those of reading every byte in turn — on every real
    /// cable and FOIA text of the shared corpus (raw, and in lower and mixed case) and on runs made to fall on
    /// the classifier's 64-byte words and its 16-byte blocks.
    @Test func runsGiveTheTermsOfReadingByteByByte() throws {
        struct Collect: SearchTokenizer.Sink {
            var out: [[UInt8]] = []
            mutating func term(_ bytes: UnsafeBufferPointer<UInt8>) { out.append(Array(bytes)) }
        }
        func same(_ text: [UInt8], _ label: String) {
            var runs = Collect(), bytes = Collect()
            text.withUnsafeBufferPointer { SearchTokenizer.scan($0, into: &runs); SearchTokenizer.scanByteByByte($0, into: &bytes) }
            #expect(runs.out == bytes.out, "\(label)")
        }
        var texts: [(String, String)] = []
        for folder in ["cablegate", "foia", "seeds"] {
            let path = SharedData.root + "/corpus/" + folder
            for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted() where name.hasSuffix(".txt") || name.hasSuffix(".html") {
                texts.append((folder + "/" + name, try String(contentsOfFile: path + "/" + name, encoding: .utf8)))
            }
        }
        #expect(texts.count > 300)
        for (name, text) in texts {
            same(Array(text.utf8), name)
            same(Array(text.lowercased().utf8), name + " lower-cased")
            same(Array(text.capitalized.utf8), name + " capitalized")
        }
        // runs ending at, starting at and crossing a 64-byte word and a 16-byte block; non-ASCII at the edges
        let pieces = ["a", "ab", "Straße", "é", "XXXXXXXX", "détainées", "’s", "¶3.", "1990s", "naïve", "東京", "x²ys", "—", " ", ",", "\n"]
        var rng = SeededRandom(seed: 11)
        for length in [1, 15, 16, 17, 47, 48, 49, 63, 64, 65, 127, 128, 129, 200, 300] {
            same(Array(String(repeating: "A", count: length).utf8), "A×\(length)")
            same(Array((String(repeating: "b", count: length) + "é").utf8), "b×\(length)é")
            same(Array(("é" + String(repeating: "c", count: length) + " d").utf8), "éc×\(length)")
            for _ in 0..<20 {
                var text = String(repeating: "w", count: length)
                for _ in 0..<12 { text += pieces[rng.next(below: pieces.count)] }
                same(Array(text.utf8), text)
            }
        }
        same([], "empty")
    }

    /// The scanner checks the unstemmed words by their packed bytes, written as constants.
    @Test func unstemmedWordsArePacked() {
        for word in SearchTokenizer.unstemmedWords {
            var bytes = Array(word.utf8) + [UInt8](repeating: 0x73, count: 8)
            #expect(bytes.withUnsafeMutableBufferPointer { SearchTokenizer.isUnstemmed($0.baseAddress!, word.utf8.count) }, "\(word)")
            #expect(!bytes.withUnsafeMutableBufferPointer { SearchTokenizer.isUnstemmed($0.baseAddress!, word.utf8.count - 1) }, "\(word)")
        }
    }

    /// The stop-word table gives every stop word a slot of its own, so one compare tells a stop word; no other
    /// word of two to five letters is taken for one.
    @Test func stopWordsHaveSlotsOfTheirOwn() {
        let table = SearchTokenizer.stopTable
        #expect(Set(SearchTokenizer.packedStopWords.map(SearchTokenizer.stopSlot)).count == SearchTokenizer.stopWords.count)
        table.withUnsafeBufferPointer { t in
            for word in SearchTokenizer.stopWords { #expect(SearchTokenizer.isStopWord(SearchTokenizer.packed(word), t), "\(word)") }
            for word in ["ab", "ax", "tho", "thee", "thes", "with1", "wasnt", "we", "us", "iran", "prel", "xx", "zz", "theirs"] {
                #expect(!SearchTokenizer.isStopWord(SearchTokenizer.packed(word), t), "\(word)")
            }
        }
        #expect(SearchTokenizer.terms("The minister WAS there with them and it") == ["minister", "them"])
    }

    /// The term table's prefix (overlapping loads for keys under eight bytes) is the key's first eight bytes,
    /// first byte lowest, zero-padded — for every length; keys of up to eight bytes are told apart by it alone.
    @Test func termTablePrefixIsTheFirstEightBytes() {
        let bytes: [UInt8] = [0x61, 0xC3, 0xA9, 0x7A, 0x30, 0xFF, 0x01, 0x80, 0x62, 0x63]
        for n in 0...bytes.count {
            // the key alone in its buffer: nothing past it is read
            let key = Array(bytes[..<n])
            let expected = key.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
            #expect(key.withUnsafeBufferPointer { ByteTermTable.prefix($0) } == expected, "length \(n)")
        }
        var table = ByteTermTable()
        let keys = ["ab", "ba", "abc", "acb", "abcd", "abdc", "abcde", "abced", "abcdef", "abcdfe", "abcdefg", "abcdegf", "abcdefgh", "abcdefhg", "x"]
        for (k, key) in keys.enumerated() {
            let bytes = Array(key.utf8)
            #expect(bytes.withUnsafeBufferPointer { table.id($0, hash: 7).id } == k, "\(key)")
        }
        for (k, key) in keys.enumerated() {
            #expect(Array(key.utf8).withUnsafeBufferPointer { table.id($0, hash: 7) } == (k, false), "\(key)")
        }
    }

    @Test func filterTermsNameTheIdTagsOriginAndClassification() throws {
        let record = try #require(SampleSite.records.first { $0.id == "08STATE37957" })
        let terms = SearchDocument.filterTerms(record)
        #expect(terms.prefix(2) == ["#08state37957", "#state37957"])
        #expect(terms.contains("t:PK") && terms.contains("o:Secretary of State") && terms.contains("c:secret"))
    }

    // MARK: the built index

    @Test func searchPageLoadsOnlyTheScriptAndDegradesWithoutIt() throws {
        let html = try #require(FileManager.default.contents(atPath: SampleSite.built.output + "/search/index.html")).string
        #expect(html.contains("<script src=\"/assets/search.js\" defer></script>"))
        let scripts = html.components(separatedBy: "<script").dropFirst()
        #expect(scripts.allSatisfy { $0.hasPrefix(" src=") || $0.hasPrefix(" type=\"application/ld+json\"") })
        #expect(!html.contains("style="))
        #expect(html.contains("needs JavaScript") && html.contains("href=\"/tag/\""))
        #expect(FileManager.default.fileExists(atPath: SampleSite.built.output + "/search/meta.json"))
    }

    @Test func everyFileIsByteIdenticalRunToRun() throws {
        let fresh = SampleSite.buildFresh(label: "search-again")
        defer { try? FileManager.default.removeItem(atPath: (fresh.output as NSString).deletingLastPathComponent) }
        let differences = Tree.differences(SampleSite.built.output + "/search", fresh.output + "/search")
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }

    /// Replacing one word by another in one cable changes the shards of those two words and nothing else.
    @Test func editingOneCableRewritesOnlyTheShardsOfItsChangedWords() throws {
        let root = Temp.directory("search-edit")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: SampleSite.root + "/Content", toPath: root + "/Content")
        try FileManager.default.copyItem(atPath: SampleSite.root + "/Themes", toPath: root + "/Themes")
        _ = SiteBuilder(options: .init(root: root)).build()
        let before = snapshot(root + "/Public/search")
        let path = root + "/Content/cables/2008/08STATE37957.md"
        let text = try #require(FileManager.default.contents(atPath: path)).string
        #expect(text.contains("Kidwai"))
        try Data(text.replacingOccurrences(of: "Kidwai", with: "Zardarix").utf8).write(to: URL(fileURLWithPath: path))
        _ = SiteBuilder(options: .init(root: root)).build()
        let after = snapshot(root + "/Public/search")
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
        let meta = try #require(after["meta.json"]).string
        let shards = try #require(Int(meta.split(separator: ",").first { $0.hasPrefix("\"shards\":") }!.dropFirst(9)))
        let digits = String(shards - 1, radix: 16).count
        let expected = Set(["kidwai", "zardarix"].flatMap { term -> [String] in
            let name = SearchFormat.shardName(Int(SearchHash.fnv32(term)) & (shards - 1), digits: digits)
            return ["t/\(name).bin", "p/\(name).bin"]
        })
        #expect(!changed.isEmpty)
        #expect(Set(changed).isSubset(of: expected), "changed: \(changed), expected at most \(expected.sorted())")
        #expect(after.count > 50)
    }

    /// With a tiny memory budget the postings go through run files on disk; the index must not change, and
    /// the temporary folder is left as it was (the run files removed, no folder of their own made).
    @Test func spillingToDiskGivesTheSameIndex() throws {
        guard FileManager.default.isExecutableFile(atPath: Repo.debugBinary) else {
            Issue.record("\(Repo.debugBinary) is missing: run `swift build` first")
            return
        }
        let root = Temp.directory("search-spill")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: SampleSite.root + "/Content", toPath: root + "/Content")
        try FileManager.default.copyItem(atPath: SampleSite.root + "/Themes", toPath: root + "/Themes")
        let temporary = root + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let run = try Run.command(Repo.debugBinary, ["build", "--root", root],
                                  environment: ["CHANCERY_SEARCH_MEMORY": "0.05", "CHANCERY_SEARCH_STATS": "1", "CHANCERY_NO_PROGRESS": "1",
                                                "TMPDIR": temporary])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
        let runs = run.error.split(separator: "\n").first { $0.hasPrefix("search:") }.flatMap { line in
            line.split(separator: ",").first { $0.hasSuffix("runs on disk; tokenising") || $0.contains("runs on disk") }
        }
        #expect(runs != nil && !runs!.contains(" 0 runs"), "\(run.error)")
        let differences = Tree.differences(SampleSite.built.output + "/search", root + "/Public/search")
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }

    /// Built without the index (`CHANCERY_NO_SEARCH=1`), the search page must not offer a search that can only
    /// fail (search.js fetching a `meta.json` that is not there): it says so and points to the browse indexes.
    @Test func searchPageWithoutTheIndexSaysSoAndLoadsNoScript() throws {
        guard FileManager.default.isExecutableFile(atPath: Repo.debugBinary) else {
            Issue.record("\(Repo.debugBinary) is missing: run `swift build` first")
            return
        }
        let root = Temp.directory("search-off")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: SampleSite.root + "/Content", toPath: root + "/Content")
        try FileManager.default.copyItem(atPath: SampleSite.root + "/Themes", toPath: root + "/Themes")
        let run = try Run.command(Repo.debugBinary, ["build", "--root", root], environment: ["CHANCERY_NO_SEARCH": "1", "CHANCERY_NO_PROGRESS": "1"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: root + "/Public/search/meta.json"))
        let html = try #require(FileManager.default.contents(atPath: root + "/Public/search/index.html")).string
        #expect(!html.contains("search.js") && !html.contains("id=\"search-form\""))
        #expect(html.contains("built without its search index") && html.contains("href=\"/tag/\""))
    }

    /// README: the client is at most 15 KB (15,000 bytes, as the search issue counts them).
    @Test func clientStaysUnder15KB() throws {
        let size = try #require(FileManager.default.contents(atPath: Repo.root + "/Themes/default/assets/search.js")).count
        #expect(size <= 15_000, "search.js is \(size) bytes")
    }

    private func snapshot(_ directory: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for path in Tree.files(directory) { out[path] = FileManager.default.contents(atPath: directory + "/" + path) }
        return out
    }

    // MARK: the client, under Node

    @Test func clientAnswersQueriesUnderNode() throws {
        guard let node = Run.which("node") else {
            Issue.record("Node.js is needed to run the search client's tests (apt-get install nodejs)")
            return
        }
        let built = SampleSite.built
        // the tokenizer's output for texts the client must split the same way
        let texts = ["Kidwai met KHAN", "Shelter Now detainees", "the Embassies' policies; the bus, classes", "Zürich São Paulo Łódź Straße Ærø ÉCOLE",
                     "XXXXXXXXXXXX SIPDIS RUEHFR2440 VZCZCXRO", "08STATE37957 08 STATE 37957", "Минск Κύπρος ΣΟΦΊΑ", "al-Qaida's 1.4(b) U.S.",
                     "naïve café coöperation œuvre", "ﬁnance ½ ２００８", "x xx xxx xxxx ab",
                     "NEWS ARMS Goods means customs series species newss news1 arms-race"]
            + SampleSite.records.prefix(60).compactMap(\.title)
        let cases = texts.map { "{\"text\": \(json($0)), \"terms\": [\(SearchTokenizer.terms($0).map(json).joined(separator: ", "))]}" }
        let casesFile = Temp.directory("search-cases") + "/cases.json"
        defer { try? FileManager.default.removeItem(atPath: (casesFile as NSString).deletingLastPathComponent) }
        try Data(("[" + cases.joined(separator: ",\n") + "]").utf8).write(to: URL(fileURLWithPath: casesFile))
        let run = try Run.command(node, [Repo.root + "/Tests/SiteBuilderTests/Node/search-test.js", built.output, built.root, casesFile])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(run.output.contains("ok   word \"Kidwai\""))
    }

    private func json(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

extension SampleSite {
    /// The sample's cables, as the build loads them.
    static let records: [CableRecord] = {
        let loaded = ContentLoader(root: root).loadCables(cache: [:])
        return loaded.records
    }()
}

private extension Data {
    var string: String { String(decoding: self, as: UTF8.self) }
}
