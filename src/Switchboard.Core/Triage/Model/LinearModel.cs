using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace Switchboard.Core.Triage.Model;

/// <summary>
/// Multinomial logistic regression over hashed features. Weights are bucket-major
/// (<c>Weights[bucket * Classes + class]</c>) so one feature touches one cache line.
/// The file format is small on purpose: int8-quantized weights with a per-class scale, deflated.
/// </summary>
internal sealed class LinearModel
{
    private const uint Magic = 0x4D544253; // "SBTM"
    private const ushort FormatVersion = 1;

    public LinearModel(string version, IReadOnlyList<string> labels, int bucketBits)
    {
        if (bucketBits is < 10 or > 24)
        {
            throw new ArgumentOutOfRangeException(nameof(bucketBits), "Bucket bits must be 10..24.");
        }

        Version = version;
        Labels = [.. labels];
        BucketBits = bucketBits;
        Weights = new float[(1 << bucketBits) * Labels.Length];
        Bias = new float[Labels.Length];
    }

    public string Version { get; }

    public string[] Labels { get; }

    public int Classes => Labels.Length;

    public int BucketBits { get; }

    public int BucketMask => (1 << BucketBits) - 1;

    public float[] Weights { get; }

    public float[] Bias { get; }

    /// <summary>
    /// Inference weights: int8 with a per-class scale, as stored in the file. A bucket's classes fit in one
    /// cache line and the table in about a quarter of the float table's memory, which matters because
    /// each message touches a few hundred random buckets.
    /// </summary>
    private sbyte[]? quantized;
    private float[]? scales;

    /// <summary>Freezes the current float weights into the int8 inference table.</summary>
    public void Quantize()
    {
        var classes = Classes;
        var s = new float[classes];
        for (var i = 0; i < Weights.Length; i++)
        {
            var c = i % classes;
            s[c] = MathF.Max(s[c], MathF.Abs(Weights[i]));
        }

        for (var c = 0; c < classes; c++)
        {
            s[c] = s[c] > 0 ? s[c] / 127f : 1f;
        }

        var q = new sbyte[Weights.Length];
        for (var i = 0; i < Weights.Length; i++)
        {
            q[i] = (sbyte)Math.Clamp(MathF.Round(Weights[i] / s[i % classes]), -127f, 127f);
        }

        scales = s;
        quantized = q;
    }

    /// <summary>Class scores (logits) from the int8 table; call <see cref="Quantize"/> first (Load does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Score(ReadOnlySpan<int> features, Span<float> scores)
    {
        var q = quantized ?? throw new InvalidOperationException("Quantize the model before scoring.");
        var classes = Classes;
        Span<int> sums = stackalloc int[classes];
        sums.Clear();
        foreach (var f in features)
        {
            var row = q.AsSpan(f * classes, classes);
            for (var c = 0; c < classes; c++)
            {
                sums[c] += row[c];
            }
        }

        var value = features.IsEmpty ? 0f : 1f / MathF.Sqrt(features.Length);
        for (var c = 0; c < classes; c++)
        {
            scores[c] = Bias[c] + (sums[c] * scales![c] * value);
        }
    }

    /// <summary>One inference weight (int8 × scale); for explanations.</summary>
    public float Weight(int bucket, int label) =>
        quantized is { } q ? q[(bucket * Classes) + label] * scales![label] : Weights[(bucket * Classes) + label];

    /// <summary>Class scores from the float weights (training).</summary>
    public void ScoreFloat(ReadOnlySpan<int> features, Span<float> scores)
    {
        var classes = Classes;
        Bias.CopyTo(scores);
        if (features.IsEmpty)
        {
            return;
        }

        var value = 1f / MathF.Sqrt(features.Length);
        var weights = Weights.AsSpan();
        foreach (var f in features)
        {
            var row = weights.Slice(f * classes, classes);
            for (var c = 0; c < classes; c++)
            {
                scores[c] += row[c] * value;
            }
        }
    }

    public static void Softmax(Span<float> scores)
    {
        var max = float.NegativeInfinity;
        foreach (var s in scores)
        {
            max = MathF.Max(max, s);
        }

        var sum = 0f;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = MathF.Exp(scores[i] - max);
            sum += scores[i];
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] /= sum;
        }
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Version);
        writer.Write((byte)BucketBits);
        writer.Write((ushort)Classes);
        foreach (var label in Labels)
        {
            writer.Write(label);
        }

        Quantize();
        for (var c = 0; c < Classes; c++)
        {
            writer.Write(scales![c]);
            writer.Write(Bias[c]);
        }

        writer.Flush();
        var bytes = new byte[quantized!.Length];
        Buffer.BlockCopy(quantized, 0, bytes, 0, bytes.Length);
        using (var deflate = new DeflateStream(stream, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(bytes);
        }
    }

    public static LinearModel Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadUInt32() != Magic)
        {
            throw new InvalidDataException("Not a Switchboard triage model (bad magic).");
        }

        var format = reader.ReadUInt16();
        if (format != FormatVersion)
        {
            throw new InvalidDataException($"Unsupported triage model format {format}; expected {FormatVersion}.");
        }

        var version = reader.ReadString();
        var bits = reader.ReadByte();
        var classes = reader.ReadUInt16();
        if (classes is 0 or > 64)
        {
            throw new InvalidDataException($"Triage model declares {classes} classes.");
        }

        var labels = new string[classes];
        for (var c = 0; c < classes; c++)
        {
            labels[c] = reader.ReadString();
        }

        var model = new LinearModel(version, labels, bits);
        var scales = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            scales[c] = reader.ReadSingle();
            model.Bias[c] = reader.ReadSingle();
        }

        var bytes = new byte[model.Weights.Length];
        using (var deflate = new DeflateStream(stream, CompressionMode.Decompress, leaveOpen: true))
        {
            deflate.ReadExactly(bytes);
        }

        var quantized = new sbyte[bytes.Length];
        Buffer.BlockCopy(bytes, 0, quantized, 0, bytes.Length);
        for (var i = 0; i < quantized.Length; i++)
        {
            model.Weights[i] = quantized[i] * scales[i % classes];
        }

        model.quantized = quantized;
        model.scales = scales;
        return model;
    }

    public static LinearModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var file = File.Create(path);
        Save(file);
    }
}
