using Switchboard.Core.Triage.Normalization;

namespace Switchboard.Core.Triage.Model;

/// <summary>
/// Trains <see cref="LinearModel"/> by stochastic gradient descent on the softmax loss. Deterministic: a fixed
/// seed shuffles, features are hashed with a stable hash, and arithmetic runs single-threaded in one order.
/// </summary>
internal static class ModelTrainer
{
    public static LinearModel Train(
        IReadOnlyList<LabeledExample> examples,
        TrainingOptions options,
        string version,
        Action<string>? progress = null,
        Func<LabeledExample, bool>? isTemplated = null,
        Rules.RuleSet? rules = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        var labels = Intents.All.ToArray();
        var model = new LinearModel(version, labels, options.BucketBits);
        var classes = labels.Length;
        var features = new int[examples.Count][];
        var targets = new int[examples.Count];
        var rowWeight = new float[examples.Count];
        var tokens = new TokenizedText();
        var buffer = new int[256];
        var counts = new int[classes];
        for (var i = 0; i < examples.Count; i++)
        {
            TextTokenizer.Tokenize(examples[i].Text, tokens);
            var n = FeatureExtractor.Extract(tokens, model.BucketMask, ref buffer);
            if (rules is not null)
            {
                var fired = new bool[rules.Rules.Count];
                rules.Match(tokens, fired, new int[fired.Length]);
                n = FeatureExtractor.AddRuleFeatures(fired, rules.FeatureHashes, model.BucketMask, ref buffer, n);
            }

            features[i] = buffer[..n];
            targets[i] = Array.IndexOf(labels, examples[i].Intent);
            if (targets[i] < 0)
            {
                throw new InvalidDataException($"Example {examples[i].Id} has unknown intent '{examples[i].Intent}'.");
            }

            counts[targets[i]]++;
            rowWeight[i] = isTemplated?.Invoke(examples[i]) == true ? options.TemplatedWeight : 1f;
        }

        var classWeight = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            classWeight[c] = counts[c] == 0 ? 0 : MathF.Pow(examples.Count / (float)(classes * counts[c]), options.ClassBalancePower);
        }

        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(options.Seed);
        var scores = new float[classes];
        var weights = model.Weights;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = options.LearningRate / (1 + (0.3f * epoch));
            double loss = 0;
            foreach (var index in order)
            {
                var x = features[index];
                model.ScoreFloat(x, scores);
                LinearModel.Softmax(scores);
                var y = targets[index];
                var weight = classWeight[y] * rowWeight[index];
                loss -= Math.Log(Math.Max(scores[y], 1e-9f)) * weight;
                var value = x.Length == 0 ? 0 : 1f / MathF.Sqrt(x.Length);
                for (var c = 0; c < classes; c++)
                {
                    var gradient = (scores[c] - (c == y ? 1f : 0f)) * weight;
                    model.Bias[c] -= rate * gradient * 0.1f;
                    var step = rate * gradient * value;
                    foreach (var f in x)
                    {
                        ref var w = ref weights[(f * classes) + c];
                        w -= step + (rate * options.L2 * w);
                    }
                }
            }

            progress?.Invoke($"epoch {epoch + 1}/{options.Epochs}: loss {loss / Math.Max(1, examples.Count):F4}, rate {rate:F3}");
        }

        model.Quantize();
        return model;
    }
}
