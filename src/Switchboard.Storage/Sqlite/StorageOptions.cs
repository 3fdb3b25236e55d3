using System.ComponentModel.DataAnnotations;

namespace Switchboard.Storage.Sqlite;

/// <summary>Where Switchboard keeps its data.</summary>
public sealed class StorageOptions
{
    public const string Section = "Switchboard:Storage";

    /// <summary>"sqlite" (the embedded default). PostgreSQL is planned behind the same store interfaces.</summary>
    [Required]
    [RegularExpression("^sqlite$", ErrorMessage = "Switchboard:Storage:Provider must be 'sqlite' (the only provider in this build).")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>SQLite database file; relative paths are resolved against the working directory. Default: data-local/switchboard.db.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data-local/switchboard.db";

    /// <summary>SQLite synchronous mode for the WAL journal: NORMAL (default; durable across process crashes) or FULL (also across power loss).</summary>
    [RegularExpression("^(NORMAL|FULL)$", ErrorMessage = "Switchboard:Storage:Synchronous must be NORMAL or FULL.")]
    public string Synchronous { get; set; } = "NORMAL";
}
