namespace Switchboard.Speech.Decoding;

/// <summary>
/// A temporary file only this user can read: voice notes are customers' personal data and /tmp is shared
/// with every account on the box. Deleted on dispose.
/// </summary>
internal sealed class PrivateTempFile : IDisposable
{
    private PrivateTempFile(string path) => Path = path;

    public string Path { get; }

    public static async Task<PrivateTempFile> WriteAsync(ReadOnlyMemory<byte> content, string extension, CancellationToken cancellationToken)
    {
        var file = new PrivateTempFile(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"switchboard-voice-{Guid.NewGuid():N}.{extension}"));
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Options = FileOptions.Asynchronous,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using var stream = new FileStream(file.Path, options);
            await stream.WriteAsync(content, cancellationToken);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Dispose() => File.Delete(Path);
}
