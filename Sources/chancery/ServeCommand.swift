import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import PreviewServer
import SiteBuilder

/// `chancery serve`: build, serve Public/ with live reload, rebuild on change.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve Public/ locally, and rebuild and reload open pages when Content/ or Themes/ change.",
        discussion: """
        Serves GET and HEAD on the loopback address by default. A rebuild with errors prints them and shows \
        them over the page: an error in one cable leaves the rest of the site rebuilt, one in site.yml or the \
        theme leaves the site as it was. Ctrl-C (SIGINT) or SIGTERM stops it, once a rebuild under way has \
        finished (a second Ctrl-C stops it at once).
        """
    )

    @Option(help: "The site folder (holding Content/ and Themes/).")
    var root = "."

    @Option(help: "The address to listen on (loopback by default; anything else exposes the preview to the network).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Flag(help: "Show the free pages marked draft: true too. They are written into Public/ with the rest (and linked from every page when they have a menu label) until chancery build removes them: build before publishing Public/.")
    var drafts = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() throws {
        // a mistyped --root: named before anything is watched, built or made there
        if let problem = SiteRoot.problem(root) {
            printError(problem.description)
            throw ExitCode.failure
        }
        if !PreviewServer.isLoopback(host) {
            printError("warning: --host \(host) is not a loopback address: anyone who can reach this machine can read the preview")
        }
        let progress = TerminalProgress(label: "Building")
        let console = PreviewServer.Console(
            info: { printLine($0) },
            error: { printError($0) },
            progress: { _, done, total in progress.update(done, total) },
            progressDone: { progress.finish() }
        )
        let server = PreviewServer(options: .init(root: root, host: host, port: port, drafts: drafts), console: console)
        let (host, port) = (self.host, self.port)
        // The root command is synchronous: run the server in a task and park the main thread; the task
        // ends the process when the server has shut down.
        Task {
            do {
                try await server.run()
                printLine("Stopped.")
                terminate(0)
            } catch let error as PreviewServer.PortInUse {
                printError("error: \(error)")
                terminate(1)
            } catch {
                printError("error: the preview server at \(host):\(port) stopped: \(error)")
                terminate(1)
            }
        }
        dispatchMain()
    }
}

/// Writes a line to standard output at once (unbuffered: one line per rebuild even into a pipe).
private func printLine(_ line: String) {
    var bytes = Array((line + "\n").utf8)
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress! + done, $0.count - done) }
        if n <= 0 { return }
        done += n
    }
}

private func terminate(_ code: Int32) -> Never {
    #if canImport(Glibc)
    Glibc.exit(code)
    #else
    Darwin.exit(code)
    #endif
}
