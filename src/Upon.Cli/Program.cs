using Upon.Cli;

// Standard output says when it is the one that fails (redirected to a full disk), so that it is one line and exit 1.
return UponCommandLine.Run(args, new StandardOutput(Console.Out), Console.Error);
