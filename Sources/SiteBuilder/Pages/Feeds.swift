import CableKit
import ChanceryIO
import Templates
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Atom feeds of the newest cables: the whole site, each tag and each post. Entries are dated by the
/// cables themselves, so a feed changes only when its cables do (no build timestamps).
struct Feeds {
    let context: SiteContext

    /// One feed to write.
    struct Job: Sendable {
        var path: String
        var title: String
        var members: [Int]
        var about: String
    }

    /// The site's feed, and one for each tag and post, when they have a dated cable (a feed lists dated cables
    /// only, and is dated by its newest: an archive without one, empty or all undated, has none; the pages link
    /// to a feed only when it is written: `HomePage` and `IndexPages` ask `anyDated` too).
    func jobs() -> [Job] {
        let urls = context.urls
        let index = context.index
        let all = Array(index.records.indices)
        var jobs = index.anyDated(all) ? [Job(path: urls.feed, title: context.config.title, members: all, about: urls.home)] : []
        for (code, members) in index.tags.sorted(by: { $0.key < $1.key }) where index.anyDated(members) {
            let name = context.tagView(code).name
            jobs.append(Job(path: urls.tag(code) + "feed.xml", title: "\(context.config.title): \(code)\(name == code ? "" : " — " + name)", members: members, about: urls.tag(code)))
        }
        for (origin, members) in index.origins.sorted(by: { $0.key < $1.key }) where index.anyDated(members) {
            jobs.append(Job(path: urls.origin(origin) + "feed.xml", title: "\(context.config.title): \(origin)", members: members, about: urls.origin(origin)))
        }
        return jobs
    }

    /// The newest cables a feed lists.
    func newest(_ members: [Int]) -> ArraySlice<Int> {
        let records = context.index.records
        return Array(members.reversed().lazy.filter { records[$0].date != nil }.prefix(context.config.feedSize))[...]
    }

    func key(_ job: Job, settings: UInt64) -> UInt64 {
        var h = FastHash(seed: settings)
        h.add(job.path); h.add(job.title); h.add(job.about)
        for i in newest(job.members) { h.add(context.index.records[i].listingKey) }
        return h.value
    }

    func render(_ job: Job) -> OutputFile { feed(path: job.path, title: job.title, members: job.members, about: job.about) }

    func feed(path: String, title: String, members: [Int], about: String) -> OutputFile {
        let urls = context.urls
        let records = context.index.records
        let newest = self.newest(members)
        let updated = newest.first.flatMap { records[$0].date?.iso8601 } ?? ""  // `jobs` gives only feeds with a dated cable
        var xml: [UInt8] = []
        xml.reserveCapacity(1024 + newest.count * 640)
        /// Markup as it is, then text escaped, in turns: `put("<title>", title, "</title>\n")`.
        func put(_ pieces: String...) {
            for (k, piece) in pieces.enumerated() {
                if k % 2 == 0 { xml.append(contentsOf: piece.utf8) } else { appendEscaped(piece, to: &xml) }
            }
        }
        // xml:lang: the site's language, as the pages' `<html lang>` gives it, for the feed's text
        put("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"", context.config.language, "\">\n")
        put("  <title>", title, "</title>\n")
        put("  <id>", urls.absolute(path), "</id>\n")
        put("  <link rel=\"self\" href=\"", urls.absolute(path), "\"/>\n")
        put("  <link rel=\"alternate\" type=\"text/html\" href=\"", urls.absolute(about), "\"/>\n")
        put("  <updated>" + updated + "</updated>\n")
        put("  <author><name>", context.config.title, "</name></author>\n")
        for i in newest {
            let r = records[i]
            let link = urls.absolute(context.cableURLs[i])
            put("  <entry>\n    <title>", r.id + ": " + (r.title ?? "(no subject)"), "</title>\n")
            put("    <id>", link, "</id>\n")
            put("    <link rel=\"alternate\" type=\"text/html\" href=\"", link, "\"/>\n")
            put("    <updated>" + r.date!.iso8601 + "</updated>\n")
            if let origin = r.origin { put("    <author><name>", origin, "</name></author>\n") }
            for tag in r.tags { put("    <category term=\"", tag, "\"/>\n") }
            // the classification as a category of its own scheme (the site's classification index), its marking
            // as the label; a summary only when the cable has one (a marking alone is no summary)
            if let c = r.classification {
                put("    <category term=\"", c.rawValue, "\" scheme=\"", urls.absolute(urls.classifications), "\" label=\"", r.marking ?? c.rawValue, "\"/>\n")
            }
            if let summary = r.summary { put("    <summary>", r.marking.map { $0 + " — " + summary } ?? summary, "</summary>\n") }
            put("  </entry>\n")
        }
        put("</feed>\n")
        return OutputFile(path: urls.file(for: path), bytes: xml)
    }
}

/// Escapes text for XML and HTML attribute or element content (on UTF-8 bytes), dropping the control
/// characters XML 1.0 forbids and U+FFFE / U+FFFF, which are not XML characters either.
func escape(_ s: String) -> String {
    var out: [UInt8] = []
    appendEscaped(s, to: &out)
    return String(decoding: out, as: UTF8.self)
}

/// `escape(s)` appended to `out`.
func appendEscaped(_ s: String, to out: inout [UInt8]) {
    // HTML escaping drops the C0 controls (but tab and line breaks) and DEL already; U+FFFE and U+FFFF
    // (EF BF BE, EF BF BF) are left to remove
    // (looked for with `memchr`: a byte loop over each summary cost more than escaping it)
    var s = s
    guard s.withUTF8({ $0.count > 0 && memchr($0.baseAddress!, 0xEF, $0.count) != nil }) else { return HTMLEscape.append(s, to: &out) }
    HTMLEscape.append(String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value != 0xFFFE && $0.value != 0xFFFF })), to: &out)
}
