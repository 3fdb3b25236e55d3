namespace Switchboard.Core.Triage.Model;

/// <summary>Hyper-parameters of <see cref="ModelTrainer"/>; fixed defaults make `train` reproducible.</summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 14;

    public float LearningRate { get; init; } = 0.5f;

    public float L2 { get; init; } = 2e-6f;

    public int Seed { get; init; } = 20261122;

    /// <summary>2^18 buckets: few collisions for ~10k short texts, 2.9 MB of int8 weights before deflate.</summary>
    public int BucketBits { get; init; } = 18;

    /// <summary>Weights rows by (N / (C·n_c))^power so small intents (promo) are not drowned by big ones.</summary>
    public float ClassBalancePower { get; init; } = 0.5f;

    /// <summary>Weight of templated assistant-style rows (banking77, CLINC150, Bitext): real traffic reads differently.</summary>
    public float TemplatedWeight { get; init; } = 0.5f;
}
