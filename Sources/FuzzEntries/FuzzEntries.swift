import CableKit

/// What each libFuzzer target does with one input, shared by the fuzz executables (`Sources/Fuzz*`) and by
/// the regression test that replays `Tests/Fuzz/Regressions/` in `swift test`. Every entry must return
/// normally for any bytes: a crash, a trap or a failed invariant (`check`) is a bug.
///
/// Beyond "does not crash", each entry checks what must hold for hostile input:
/// - a cable that was read writes a Markdown file that reads back with the same metadata and an intact
///   checksum (nothing in a cable can break out of its front-matter value);
/// - the CSV reader gives the same rows whether the input comes whole or in two chunks split anywhere;
/// - a front matter that was read writes back to a file that reads the same.
public enum FuzzEntry: String, CaseIterable, Sendable {
    case telegram = "FuzzTelegram"
    case foia = "FuzzFOIA"
    case wikileaks = "FuzzWikiLeaks"
    case csv = "FuzzCSV"
    case frontMatter = "FuzzFrontMatter"

    /// The fuzz target named `name` (`FuzzTelegram`), as the regression folders are named.
    public init?(target name: String) { self.init(rawValue: name) }

    /// A broken invariant: what was expected, for the fuzzer's crash report and the test's failure.
    public struct Violation: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Runs the entry on `bytes`; throws a `Violation` when an invariant fails.
    public func run(_ bytes: [UInt8]) throws(Violation) {
        switch self {
        case .telegram: try Self.readFile(bytes, name: "fuzz.txt", format: .telegram)
        case .foia: try Self.readFile(bytes, name: "fuzz.txt", format: .foia)
        case .wikileaks: try Self.readFile(bytes, name: "fuzz.html", format: .wikileaks)
        case .csv: try Self.readCSV(bytes)
        case .frontMatter: try Self.readFrontMatter(bytes)
        }
    }

    /// The libFuzzer entry: runs, and traps with the violation on stderr (libFuzzer saves the input).
    public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        do throws(Violation) {
            try run(bytes)
        } catch {
            fatalError("\(rawValue): \(error.description)")
        }
        return 0
    }

    static func check(_ condition: Bool, _ message: @autoclosure () -> String) throws(Violation) {
        if !condition { throw Violation(description: message()) }
    }

    // MARK: - Entries

    /// A file read as `format` (auto-detection too, which must agree with itself), then its Markdown round-tripped.
    static func readFile(_ bytes: [UInt8], name: String, format: SourceFormat) throws(Violation) {
        _ = SourceFormat.detect(bytes.prefix(16384), fileName: name)
        let cable: Cable
        do throws(CableReader.Failure) {
            cable = try CableReader.read(bytes, fileName: name, format: format)
        } catch {
            try check(!error.message.isEmpty, "a failure without a message")
            return
        }
        try roundTrip(cable)
    }

    /// The CSV: whole, and in two chunks split at a position taken from the input; then each row as a cable.
    static func readCSV(_ bytes: [UInt8]) throws(Violation) {
        let whole = CablegateCSVReader.read(bytes)
        var reader = CablegateCSVReader()
        let cut = bytes.isEmpty ? 0 : Int(bytes[0]) * 7919 % (bytes.count + 1)
        var chunked = reader.feed(Array(bytes[..<cut]))
        chunked += reader.feed(Array(bytes[cut...]))
        chunked += reader.finish()
        try check(whole == chunked, "the rows differ when the input is split at byte \(cut): \(whole.count) rows whole, \(chunked.count) split")
        for result in whole {
            guard case .success(let row) = result else { continue }
            guard let (cable, _) = try? CableReader.read(row, fileName: "fuzz.csv") else { continue }
            try roundTrip(cable)
        }
    }

    /// Arbitrary bytes as a Markdown file; when they read, the cable written back reads the same.
    static func readFrontMatter(_ bytes: [UInt8]) throws(Violation) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? FrontMatterParser.body(text)
        _ = Checksum.isIntact(text)
        guard let cable = try? CableFile.read(text) else { return }
        let again: Cable
        do throws(FrontMatterParser.Failure) {
            again = try CableFile.read(FrontMatterWriter.document(cable))
        } catch {
            throw Violation(description: "a file that was read writes back to one that does not read: line \(error.line): \(error.message)")
        }
        var expected = cable
        expected.body = "\n" + cable.body  // the writer puts a blank line between the front matter and the body
        try check(again == expected, "a file that was read writes back to one that reads differently:\n\(diff(expected, again))")
    }

    /// The sealed Markdown file of `cable` must read back to the same metadata with an intact checksum.
    static func roundTrip(_ cable: Cable) throws(Violation) {
        let document = FrontMatterWriter.sealedDocument(cable)
        try check(Checksum.isIntact(document), "the sealed document's checksum does not match")
        let read: Cable
        do throws(FrontMatterParser.Failure) {
            read = try CableFile.read(document)
        } catch {
            throw Violation(description: "the written Markdown does not read back: line \(error.line): \(error.message)")
        }
        var expected = cable
        expected.source.checksum = read.source.checksum
        expected.body = read.body
        try check(read == expected, "the written Markdown reads back differently:\n\(diff(expected, read))")
        // the writer puts a blank line between the front matter and the body
        try check(read.body == "\n" + cable.body, "the body changed in the round trip")
    }

    /// The fields that differ, for a readable report.
    public static func diff(_ a: Cable, _ b: Cable) -> String {
        var out: [String] = []
        let left = Mirror(reflecting: a).children, right = Mirror(reflecting: b).children
        for (l, r) in zip(left, right) where "\(l.value)" != "\(r.value)" {
            out.append("  \(l.label ?? "?"): \(String(reflecting: l.value).prefix(300)) → \(String(reflecting: r.value).prefix(300))")
        }
        return out.joined(separator: "\n")
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fuzz executables built without `-D FUZZING` (the package's normal build): they replay the files
/// named on the command line through the entry, like libFuzzer does with file arguments.
public enum FuzzReplay {
    public static func main(_ entry: FuzzEntry) -> Never {
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            print("usage: \(entry.rawValue) FILE…  (replays inputs; build with Tests/Fuzz/run.sh to fuzz)")
            exit(0)
        }
        var failed = false
        for path in paths {
            guard let bytes = readFile(path) else { print("\(path): cannot read"); failed = true; continue }
            do throws(FuzzEntry.Violation) {
                try entry.run(bytes)
                print("\(path): ok")
            } catch {
                print("\(path): \(error.description)")
                failed = true
            }
        }
        exit(failed ? 1 : 0)
    }

    /// The bytes of a file, or nil.
    public static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n > 0 { out += buffer[0..<n] }
            if n < buffer.count { break }
        }
        return ferror(file) == 0 ? out : nil
    }
}
