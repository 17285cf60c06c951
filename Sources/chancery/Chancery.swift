import ArgumentParser

@main
struct Chancery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chancery",
        abstract: "Static reading rooms for diplomatic cables.",
        subcommands: [ImportCommand.self, BuildCommand.self, ServeCommand.self, CheckCommand.self, InspectCommand.self]
    )
}
