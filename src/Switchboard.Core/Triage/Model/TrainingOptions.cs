namespace Switchboard.Core.Triage.Model;

/// <summary>Hyper-parameters of <see cref="ModelTrainer"/>; fixed defaults make `train` reproducible.</summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 14;

    public float LearningRate { get; init; } = 0.5f;

    public float L2 { get; init; } = 2e-6f;

    public int Seed { get; init; } = 20261122;

    /// <summary>
    /// 2^16 buckets: the int8 table (720 KB) stays in a core's L2 cache, which is what makes scoring fast;
    /// on the dev split 2^18 scored within noise of it (macro-F1 0.521 vs 0.514).
    /// </summary>
    public int BucketBits { get; init; } = 16;

    /// <summary>Weights rows by (N / (C·n_c))^power so small intents (promo) are not drowned by big ones.</summary>
    public float ClassBalancePower { get; init; } = 0.5f;

    /// <summary>Weight of templated assistant-style rows (banking77, CLINC150, Bitext): real traffic reads differently.</summary>
    public float TemplatedWeight { get; init; } = 0.5f;
}
