namespace Scrutineer.Application.Reports;

/// <summary>The browser ended (crashed or was killed) while a call to it was in flight; the pool starts another.</summary>
public sealed class ChromiumGoneException(string message, Exception? inner = null) : IOException(message, inner);
