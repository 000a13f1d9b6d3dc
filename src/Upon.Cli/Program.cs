using System;
using Upon.Cli;

return UponCommandLine.Run(args, Console.Out, Console.Error);
