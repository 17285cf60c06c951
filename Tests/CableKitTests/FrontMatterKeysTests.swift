import Foundation
import Testing
@testable import CableKit

/// Mistakes in a cable's front matter are named, not silently taken: a key that is not part of the format
/// is a warning (`orign: Embassy Madrid` left the cable without a post), a value of the wrong type an error
/// (`tags: PREL, SP` became one tag "PREL, SP" with a page of its own).
@Suite struct FrontMatterKeysTests {
    static func read(_ frontMatter: String) throws(FrontMatterParser.Failure) -> (cable: Cable, warnings: [String]) {
        var warnings: [FrontMatterParser.Failure] = []
        let cable = try CableFile.read("---\nid: 09MADRID59\n" + frontMatter + "\n---\nText.\n", warnings: &warnings)
        return (cable, warnings.map { "\($0.line): \($0.message)" })
    }

    static func error(_ frontMatter: String) -> String? {
        do throws(FrontMatterParser.Failure) { _ = try read(frontMatter); return nil } catch { return "\(error.line): \(error.message)" }
    }

    /// The keys the writer writes are the format's: every cable of the sample (telegrams, WikiLeaks pages, FOIA
    /// releases with their release stamps, repairs and sources) reads without a warning. The writer, the reader
    /// and `FrontMatterKeys` each list the keys; this holds them together.
    @Test func everyKeyTheImporterWritesIsPartOfTheFormat() throws {
        let cables = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Content/cables").standardized
        let files = (FileManager.default.enumerator(atPath: cables.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".md") }
        #expect(files.count > 300)
        for file in files {
            let text = try String(contentsOf: cables.appendingPathComponent(file), encoding: .utf8)
            var warnings: [FrontMatterParser.Failure] = []
            _ = try CableFile.read(text, warnings: &warnings)
            #expect(warnings.isEmpty, "\(file): \(warnings.map(\.message))")
        }
    }

    /// The reader expects the keys in the writer's order (`CableFile.Key`), and reads them in any other.
    @Test func keysAreReadInTheWritersOrderAndInAnyOther() throws {
        #expect(CableFile.Key.allCases.map(\.rawValue) == FrontMatterKeys.cable)
        let inOrder = try Self.read("title: A\ndate: 2009-01-15T10:00:00Z\norigin: Embassy Madrid\ntags: [PREL, SP]\nsummary: S")
        let shuffled = try Self.read("summary: S\ntags: [PREL, SP]\norigin: Embassy Madrid\ntitle: A\nbox: 1\ndate: 2009-01-15T10:00:00Z")
        for cable in [inOrder.cable, shuffled.cable] {
            #expect(cable.id == "09MADRID59" && cable.title == "A" && cable.origin == "Embassy Madrid" && cable.summary == "S")
            #expect(cable.tags == ["PREL", "SP"] && cable.date?.isoDate == "2009-01-15")
        }
        #expect(inOrder.warnings.isEmpty)
        #expect(shuffled.warnings == ["7: unknown key 'box': it is not part of the content format and is ignored"])
    }

    /// Codes are trimmed, and blanks and repeats dropped, the first kept in place — in a long list too.
    @Test func codesAreTrimmedAndKeptOnce() {
        #expect(CableFile.codes(["PREL", " PREL", "SP ", "", "  ", "SP", "KNNP"]) == ["PREL", "SP", "KNNP"])
        let long = (0..<100).map { "T\($0 % 40)" } + [" T3 "]
        #expect(CableFile.codes(long) == (0..<40).map { "T\($0)" })
    }

    @Test func aMisspeltKeyIsAWarningThatNamesTheKeyItIsCloseTo() throws {
        let (cable, warnings) = try Self.read("title: A\norign: Embassy Madrid")
        #expect(cable.origin == nil)
        #expect(warnings == ["4: unknown key 'orign' (did you mean 'origin'?): it is not part of the content format and is ignored"])
        // another case, a hyphen, two letters swapped or missing in a long key
        #expect(try Self.read("Origin: X").warnings.first?.contains("did you mean 'origin'?") == true)
        #expect(try Self.read("date-estimated: true").warnings.first?.contains("did you mean 'date_estimated'?") == true)
        #expect(try Self.read("classificaiton: SECRET").warnings.first?.contains("did you mean 'classification'?") == true)
        #expect(try Self.read("refrences: []").warnings.first?.contains("did you mean 'references'?") == true)
        #expect(try Self.read("tag: [PREL]").warnings.first?.contains("did you mean 'tags'?") == true)
    }

    @Test func aKeyOfTheSitesOwnIsAWarningWithoutASuggestion() throws {
        let (_, warnings) = try Self.read("box_number: 12")
        #expect(warnings == ["3: unknown key 'box_number': it is not part of the content format and is ignored"])
        // the format's own keys are no warning, nor are null values
        #expect(try Self.read("title: A\norigin: null\ntags: []\nsummary: ~").warnings.isEmpty)
    }

    @Test func unknownKeysInsideTheFormatsMapsAreWarningsToo() throws {
        let (_, warnings) = try Self.read("release:\n  status: RELEASED IN FULL\n  reviewr: Jones\nsource:\n  format: telegram\n  fiel: x.txt")
        #expect(warnings == [
            "5: unknown key 'release.reviewr' (did you mean 'release.reviewer'?): it is not part of the content format and is ignored",
            "8: unknown key 'source.fiel' (did you mean 'source.file'?): it is not part of the content format and is ignored",
        ])
    }

    @Test func textWithACommaWhereTheFormatHasAListIsAnError() throws {
        #expect(Self.error("tags: PREL, SP") == "3: 'tags' is a list, not text: write it in brackets, 'tags: [PREL, SP]' (a value with a comma of its own is quoted: [\"STEINBERG, JAMES B.\"])")
        #expect(Self.error("references: 09MADRID1, 09MADRID2")?.hasPrefix("3: 'references' is a list, not text") == true)
        #expect(Self.error("reasons: 1.4(b), 1.4(d)")?.hasPrefix("3: 'reasons' is a list, not text") == true)
        // one value without a comma is a list of it; a list in brackets is read as before
        #expect(try Self.read("tags: PREL").cable.tags == ["PREL"])
        #expect(try Self.read("tags: [PREL, SP]").cable.tags == ["PREL", "SP"])
        #expect(try Self.read("tags: [\"STEINBERG, JAMES B.\"]").cable.tags == ["STEINBERG, JAMES B."])
        #expect(try Self.read("tags:\n  - PREL\n  - SP").cable.tags == ["PREL", "SP"])
    }

    @Test func aListOrMapWhereTheFormatHasTextOrADateThatIsNotOneIsAnError() {
        #expect(Self.error("origin: [Embassy Madrid]") == "3: 'origin' must be text")
        #expect(Self.error("title: {a: b}") == "3: 'title' must be text")
        #expect(Self.error("date: yesterday")?.hasPrefix("3: 'date' must be an ISO 8601 date") == true)
        #expect(Self.error("declassify_on: 2019")?.hasPrefix("3: 'declassify_on' must be a date") == true)
        #expect(Self.error("partial: yes") == "3: 'partial' must be true or false")
    }

    @Test func suggestionsAreOnlyForNearMisses() {
        #expect(FrontMatterKeys.suggestion(for: "orign", among: FrontMatterKeys.cable) == "origin")
        #expect(FrontMatterKeys.suggestion(for: "notes", among: FrontMatterKeys.cable) == nil)
        #expect(FrontMatterKeys.suggestion(for: "menue", among: FrontMatterKeys.page) == "menu")
        #expect(FrontMatterKeys.suggestion(for: "x", among: FrontMatterKeys.cable) == nil)
        #expect(FrontMatterKeys.distance(Array("ab".utf8), Array("ba".utf8)) == 1)
    }

    /// A key given twice in front matter the fast scanner reads is an error on the second line, whatever
    /// keys of the same length (`title`/`origin`… differ; `to`/`id`) come between; keys of one length that
    /// differ are not taken for the same.
    @Test func aKeyGivenTwiceIsAnErrorOnItsSecondLine() {
        #expect(Self.error("to: [AMEMBASSY PARIS]\ntitle: \"ONE\"\norigin: Embassy Madrid\ntitle: \"TWO\"")
                == "6: invalid YAML: a key is given twice: 'title' (first on line 4)")
        #expect(Self.error("to: [AMEMBASSY PARIS]\nid: 09MADRID60") == "4: invalid YAML: a key is given twice: 'id' (first on line 2)")
        #expect(Self.error("to: [A]\ninfo: [B]\ntags: [PREL]\ndate: 2009-01-20T10:00:00Z") == nil)
    }
}
