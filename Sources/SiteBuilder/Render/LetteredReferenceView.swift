import CableKit
import Templates

/// `{letter, anchor, text, cables}` — one lettered reference of a cable's REF line (`C. MADRID 286`), so a reader
/// can tell what the body's "Ref C" is: its text as written, and the cables it cites (`cables`, a list of
/// cable links with `html`; absent for a reference that is not a cable: an OSC report, a letter, an e-mail).
struct LetteredReferenceView: TemplateValue {
    var letter: String
    var text: String
    var cables: [CableLinkView]
    var cablesHTML: String

    func child(named name: String) -> (any TemplateValue)? {
        switch name {
        case "letter": letter
        case "anchor": "ref-" + letter.lowercased()
        case "text": text
        case "cables": ListBlock(items: cables, html: cablesHTML)
        default: nil
        }
    }
}

/// The references section of a cable page, from the REF line and the ids the cable cites.
enum ReferenceSection {
    /// The lettered references of the REF line (`cited`, as `ReferenceLine.cited` reads it; none when the
    /// line does not letter them), each with the cables it names among `references` (`link` gives a cited
    /// id's view and HTML), and the cited ids no letter names, in their order. A cable a letter names but
    /// `references` lacks is not linked: the page shows, and `chancery check` checks, the cables of `references`.
    static func make(cited: [CitedReference], references: [String],
                     link: (String) -> (view: CableLinkView, html: String)) -> (lettered: [LetteredReferenceView], unlettered: [String]) {
        guard cited.first?.letter != nil else { return ([], references) }
        let listed = Set(references)
        var named = Set<String>()
        let lettered = cited.map { ref -> LetteredReferenceView in
            var views: [CableLinkView] = [], html = ""
            for id in ref.ids where listed.contains(id) {
                let (view, fragment) = link(id)
                views.append(view); html += fragment
                named.insert(id)
            }
            return LetteredReferenceView(letter: ref.letter ?? "", text: ref.text, cables: views, cablesHTML: html)
        }
        return (lettered, references.filter { !named.contains($0) })
    }
}
