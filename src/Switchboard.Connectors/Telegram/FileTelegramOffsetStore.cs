using System.Globalization;

namespace Switchboard.Connectors.Telegram;

/// <summary>
/// Keeps the offset in a small file, written to a temporary file, flushed to disk and moved over the old one, so a
/// crash leaves either the old or the new offset, never a torn one. The default until the host registers its own store.
/// </summary>
public sealed class FileTelegramOffsetStore(string path) : ITelegramOffsetStore
{
    public async Task<long?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw new InvalidDataException($"The Telegram offset file '{path}' does not hold a number.");
    }

    public async Task SaveAsync(long nextOffset, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 256, FileOptions.WriteThrough))
        {
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(nextOffset.ToString(CultureInfo.InvariantCulture)), cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, full, overwrite: true);
    }
}
