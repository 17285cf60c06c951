import Foundation
import Testing

/// WCAG 2.1 AA contrast of the default theme, computed from the custom properties of its style.css in the
/// light scheme and in the dark one (`prefers-color-scheme: dark` overrides): 4.5:1 for text, 3:1 for
/// large text, the edges of controls and focus indicators.
@Suite struct ThemeContrastTests {
    static let css = (try? String(contentsOfFile: Repo.themes + "/default/assets/style.css", encoding: .utf8)) ?? ""

    /// `--name: #rrggbb;` declarations of a block.
    static func properties(_ block: Substring) -> [String: String] {
        var out: [String: String] = [:]
        for match in block.matches(of: /--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/) { out[String(match.1)] = String(match.2) }
        return out
    }

    /// The body of the first `{…}` after `marker` (no nested braces inside it).
    static func block(after marker: String, in text: Substring) -> Substring? {
        guard let at = text.range(of: marker), let open = text[at.upperBound...].firstIndex(of: "{"),
              let close = text[open...].firstIndex(of: "}") else { return nil }
        return text[text.index(after: open)..<close]
    }

    static var light: [String: String] { properties(block(after: ":root", in: css[...]) ?? "") }
    static var dark: [String: String] {
        guard let media = css.range(of: "@media (prefers-color-scheme: dark)") else { return [:] }
        return light.merging(properties(block(after: ":root", in: css[media.upperBound...]) ?? "")) { $1 }
    }

    static func luminance(_ hex: String) -> Double {
        let v = Int(hex.dropFirst(), radix: 16) ?? 0
        func channel(_ c: Int) -> Double { let x = Double(c) / 255; return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(v >> 16 & 255) + 0.7152 * channel(v >> 8 & 255) + 0.0722 * channel(v & 255)
    }

    static func ratio(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// foreground, background (a custom property `--x` or a literal colour), minimum ratio, what it is
    static let pairs: [(String, String, Double, String)] = [
        ("--text", "--bg", 4.5, "body text"), ("--text", "--surface", 4.5, "text on a panel"),
        ("--muted", "--bg", 4.5, "secondary text"), ("--muted", "--surface", 4.5, "footer, tile counts"),
        ("--link", "--bg", 4.5, "links"), ("--link", "--surface", 4.5, "links on a panel"),
        ("--visited", "--bg", 4.5, "visited links"), ("--visited", "--surface", 4.5, "visited links on a panel"),
        ("--text", "--target", 4.5, "a linked paragraph"), ("--link", "--target", 4.5, "its ¶ link"),
        ("--text", "--m-ts-bg", 4.5, "notes"), ("--link", "--m-ts-bg", 4.5, "links in notes"),
        ("--head-text", "--head", 4.5, "site header"), ("--head-muted", "--head", 4.5, "main navigation"),
        ("#1b1a17", "--head-focus", 4.5, "skip link"), ("--head-focus", "--head", 3, "focus in the header"),
        ("--focus", "--bg", 3, "focus outline"), ("--focus", "--surface", 3, "focus outline on a panel"),
        ("--ui", "--bg", 3, "input borders"), ("--muted", "--bg", 4.5, "placeholders"),
        ("--bg", "--text", 4.5, "buttons"), ("--bg", "--link", 4.5, "buttons, hovered"),
        ("#1d2733", "--head-text", 4.5, "header button"), ("#1d2733", "--head-focus", 4.5, "header button, hovered"),
        ("--text", "--redact", 4.5, "redactions"), ("--bar", "--bg", 3, "chart bars"),
        ("--m-u", "--m-u-bg", 4.5, "(U) markings"), ("--m-c", "--m-c-bg", 4.5, "(C) markings"),
        ("--m-s", "--m-s-bg", 4.5, "(S) markings"), ("--m-ts", "--m-ts-bg", 4.5, "(TS) markings"),
        ("--m-sbu", "--m-sbu-bg", 4.5, "(SBU) markings"),
    ]

    @Test(arguments: ["light", "dark"])
    func colourPairsMeetAA(_ scheme: String) throws {
        let colours = scheme == "light" ? Self.light : Self.dark
        #expect(colours.count > 20, "custom properties read from style.css: \(colours.count)")
        func value(_ s: String) -> String? { s.hasPrefix("--") ? colours[String(s.dropFirst(2))] : s }
        for (fg, bg, minimum, what) in Self.pairs {
            let a = try #require(value(fg), "\(fg) is not set"), b = try #require(value(bg), "\(bg) is not set")
            let r = Self.ratio(a, b)
            #expect(r >= minimum, "\(scheme): \(what), \(fg) \(a) on \(bg) \(b): \(String(format: "%.2f", r)):1, needs \(minimum):1")
        }
    }

    /// Classification badges and banners: the label on the classification's colour (fixed in both schemes).
    @Test func badgeLabelsMeetAA() throws {
        let rules = Self.css.matches(of: /\.cls-([\w-]+)\s*\{\s*--cls:\s*(#[0-9a-fA-F]{6});(?:\s*--cls-text:\s*(#[0-9a-fA-F]{6});)?/)
        #expect(rules.count >= 6)
        for rule in rules {
            let text = rule.3.map(String.init) ?? "#ffffff"
            let r = Self.ratio(text, String(rule.2))
            #expect(r >= 4.5, "badge \(rule.1): \(text) on \(rule.2): \(String(format: "%.2f", r)):1")
        }
    }

    /// A focused bar of the search page's year chart must stand out from the page and from the other bars
    /// (3:1): the fill and stroke of `.chart a:focus-visible .chart-bar`, in both schemes.
    @Test(arguments: ["light", "dark"])
    func focusedChartBarStandsOut(_ scheme: String) throws {
        let colours = scheme == "light" ? Self.light : Self.dark
        let rule = try #require(Self.block(after: ".chart a:focus-visible .chart-bar", in: Self.css[...]), "no focus style for chart bars")
        func colour(_ property: String) throws -> String {
            let declared = try #require(rule.firstMatch(of: try Regex("(?:^|[;\\s])\(property):\\s*var\\(--([\\w-]+)\\)")), "\(property) of the focused bar is not a theme colour: \(rule)")
            return try #require(colours[String(declared.output[1].substring ?? "")])
        }
        let fill = try colour("fill"), stroke = try colour("stroke")
        let bar = try #require(colours["bar"]), bg = try #require(colours["bg"])
        #expect(Self.ratio(stroke, bg) >= 3, "\(scheme): the focused bar's edge \(stroke) on the page \(bg)")
        #expect(Self.ratio(fill, bar) >= 3 || Self.ratio(stroke, bar) >= 3, "\(scheme): the focused bar \(fill)/\(stroke) among bars \(bar)")
    }

    /// A printed page shows where an outside link goes, not the site's own paths (`</cable/2009/10/…>`
    /// means nothing on paper; the page's full address is printed at its foot and cables by their ids).
    @Test func printShowsOnlyOutsideAddresses() {
        for line in Self.css.split(separator: "\n") where line.contains("attr(href)") {
            let selectors = line.prefix { $0 != "{" }.split(separator: ",")
            for selector in selectors {
                #expect(selector.contains("[href^=\"http\"]"), "\(selector) prints a path of the site")
            }
        }
    }
}
