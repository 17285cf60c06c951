import CableKit
import ChanceryIO
import Templates

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
        // xml:lang: the site's language, as the pages' `<html lang>` gives it, for the feed's text
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escape(context.config.language))\">\n"
        xml += "  <title>\(escape(title))</title>\n"
        xml += "  <id>\(escape(urls.absolute(path)))</id>\n"
        xml += "  <link rel=\"self\" href=\"\(escape(urls.absolute(path)))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(urls.absolute(about)))\"/>\n"
        xml += "  <updated>\(updated)</updated>\n"
        xml += "  <author><name>\(escape(context.config.title))</name></author>\n"
        for i in newest {
            let r = records[i]
            let link = urls.absolute(urls.cable(id: r.id, date: r.date, estimated: r.dateEstimated))
            xml += "  <entry>\n"
            xml += "    <title>\(escape(r.id + ": " + (r.title ?? "(no subject)")))</title>\n"
            xml += "    <id>\(escape(link))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(link))\"/>\n"
            xml += "    <updated>\(r.date!.iso8601)</updated>\n"
            if let origin = r.origin { xml += "    <author><name>\(escape(origin))</name></author>\n" }
            for tag in r.tags { xml += "    <category term=\"\(escape(tag))\"/>\n" }
            let summary = [r.marking, r.summary].compactMap { $0 }.joined(separator: " — ")
            if !summary.isEmpty { xml += "    <summary>\(escape(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: urls.file(for: path), bytes: Array(xml.utf8))
    }
}

/// Escapes text for XML and HTML attribute or element content (on UTF-8 bytes), dropping the control
/// characters XML 1.0 forbids and U+FFFE / U+FFFF, which are not XML characters either.
func escape(_ s: String) -> String {
    var text = s
    if s.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D) || $0 == 0xEF }) {
        text = String(String.UnicodeScalarView(s.unicodeScalars.filter { c in
            (c.value >= 0x20 || c == "\n" || c == "\t" || c == "\r") && c.value != 0xFFFE && c.value != 0xFFFF
        }))
    }
    return HTMLEscape.escape(text)
}
