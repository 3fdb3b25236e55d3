using System.Buffers;

namespace Switchboard.Core.Connectors;

/// <summary>
/// Reads a request or response body of at most a given size into memory: a declared Content-Length over the
/// limit is refused before reading, and the limit is enforced while reading too, because the length may be
/// missing (chunked) or wrong. Every connector's downloads and webhook bodies go through here.
/// </summary>
public static class BoundedBody
{
    /// <returns>The bytes, or null when the body is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > maxBytes)
        {
            return null;
        }

        using var buffer = declaredLength is > 0 and <= int.MaxValue ? new MemoryStream((int)declaredLength.Value) : new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
