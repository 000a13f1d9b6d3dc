using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Upon.Core.AspNetCore.Tests.Support;

/// <summary>One log entry as a logger received it: its formatted message, its state's values and its exception.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, string State, Exception? Exception)
{
    /// <summary>Everything the entry carries, as text: message, state, scopes are separate (<see cref="LogCapture.Scopes"/>).</summary>
    public string AllText => $"{Category} {EventId} {Message} {State} {Exception}";
}

/// <summary>
/// A logger provider that keeps every entry at every level (Trace included) and every scope's state, and lets a test
/// wait, with a bound, for an entry to arrive.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly Lock gate = new();
    private readonly List<LogEntry> entries = [];
    private readonly List<string> scopes = [];
    private readonly List<(Func<LogEntry, bool> Match, TaskCompletionSource<LogEntry> Found)> waiters = [];

    /// <summary>The entries so far, in the order logged.</summary>
    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. entries];
            }
        }
    }

    /// <summary>The state of every scope begun so far, as text.</summary>
    public IReadOnlyList<string> Scopes
    {
        get
        {
            lock (gate)
            {
                return [.. scopes];
            }
        }
    }

    /// <summary>Whether an entry is the host's "Request finished" (logged once a request's pipeline has ended).</summary>
    public static bool IsRequestFinished(LogEntry entry) =>
        entry.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && entry.EventId.Id == 2;

    /// <summary>The entries of an event, by its name.</summary>
    public IReadOnlyList<LogEntry> Events(string name) => [.. Entries.Where(e => e.EventId.Name == name)];

    /// <summary>The first entry (logged already or later) that matches; fails after <paramref name="timeout"/>.</summary>
    public Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, TimeSpan timeout)
    {
        TaskCompletionSource<LogEntry> found = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (entries.FirstOrDefault(match) is LogEntry entry)
            {
                return Task.FromResult(entry);
            }

            waiters.Add((match, found));
        }

        return found.Task.WaitAsync(timeout);
    }

    /// <summary>The first entry of the event named <paramref name="name"/>; fails after <paramref name="timeout"/>.</summary>
    public Task<LogEntry> WaitForEventAsync(string name, TimeSpan timeout) => WaitForAsync(e => e.EventId.Name == name, timeout);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>A state object as text: every value of a structured state, or the object's own text.</summary>
    internal static string Describe(object? state) => state switch
    {
        null => string.Empty,
        string text => text,
        IEnumerable<KeyValuePair<string, object?>> pairs => string.Join("; ", pairs.Select(p => p.Key + "=" + Describe(p.Value))),
        IEnumerable values => string.Join(", ", values.Cast<object?>().Select(Describe)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => state.ToString() ?? string.Empty,
    };

    private void Add(LogEntry entry)
    {
        List<TaskCompletionSource<LogEntry>> found = [];
        lock (gate)
        {
            entries.Add(entry);
            for (int i = waiters.Count - 1; i >= 0; i--)
            {
                if (waiters[i].Match(entry))
                {
                    found.Add(waiters[i].Found);
                    waiters.RemoveAt(i);
                }
            }
        }

        foreach (TaskCompletionSource<LogEntry> waiter in found)
        {
            waiter.TrySetResult(entry);
        }
    }

    private void AddScope(string state)
    {
        lock (gate)
        {
            scopes.Add(state);
        }
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner.AddScope(Describe(state));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), Describe(state), exception));
    }
}
