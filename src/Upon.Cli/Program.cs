using Upon.Cli;

// Standard output says when it is the one that fails (redirected to a full disk), so that it is one line and exit 1;
// and it knows whether it is a terminal, so that tables wrap to its width and use colour only there.
return UponCommandLine.Run(args, new StandardOutput(Console.Out, Terminal.Detect(Environment.GetEnvironmentVariable)), Console.Error);

/// <summary>
/// The tool's entry point, internal: declared so that ASP.NET Core's generator (which makes a web application's
/// top-level <c>Program</c> public, for tests) leaves the tool's public API empty.
/// </summary>
internal sealed partial class Program;
