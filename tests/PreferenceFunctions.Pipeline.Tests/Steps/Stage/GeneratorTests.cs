using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

public sealed class GeneratorTests
{
    [Fact]
    public void Encode_TinyImage_IsPngWithValidChunksAndPixels()
    {
        var png = TinyPng.Encode(2, 2, new byte[12]);

        Assert.Equal(ImageFormat.Png, ImageFormats.Detect(png));
        var offset = 8;
        var types = new List<string>();
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var typeAndData = png.AsSpan(offset + 4, 4 + length);
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length)), Crc32.HashToUInt32(typeAndData));
            types.Add(System.Text.Encoding.ASCII.GetString(typeAndData[..4]));
            if (types[^1] == "IDAT")
            {
                using var inflate = new ZLibStream(new MemoryStream(typeAndData[4..].ToArray()), CompressionMode.Decompress);
                var raw = new MemoryStream();
                inflate.CopyTo(raw);
                Assert.Equal(2 * (1 + 2 * 3), raw.Length);
            }
            offset += 12 + length;
        }
        Assert.Equal(["IHDR", "IDAT", "IEND"], types);
    }

    [Fact]
    public async Task Generate_ZipTwiceSecondsApart_WritesTheSameBytes()
    {
        var first = Directory.CreateTempSubdirectory("generated-");
        var second = Directory.CreateTempSubdirectory("generated-");
        try
        {
            DatasetGenerator.Generate(new GenerateDatasetRequest(first.FullName, 5, 2, Seed: 3, Zip: true));
            await Task.Delay(TimeSpan.FromSeconds(2.1)); // a zip's entry times have a resolution of 2 seconds
            DatasetGenerator.Generate(new GenerateDatasetRequest(second.FullName, 5, 2, Seed: 3, Zip: true));

            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first.FullName, DatasetFiles.Zip)),
                await File.ReadAllBytesAsync(Path.Combine(second.FullName, DatasetFiles.Zip)));
        }
        finally
        {
            first.Delete(recursive: true);
            second.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Generate_AnySize_WritesDatasetTheLocalCheckAccepts()
    {
        var folder = Path.Combine(Path.GetTempPath(), UniqueName.For("gen"));
        try
        {
            DatasetGenerator.Generate(new GenerateDatasetRequest(folder, Matchups: 50, Models: 4, Seed: 2, Zip: false));

            var result = await LocalDatasetFolder.CheckAsync(folder, new DatasetOptions(), new PreferenceOptions(), CancellationToken.None);

            Assert.True(result.Report.Accepted, string.Join("\n", result.Report.Problems.Select(p => p.Message)));
            Assert.Equal(["dall_e", "flux", "midjourney", "stable_diffusion"], result.Report.Models.Select(m => m.Name));
            Assert.Equal(100, result.Report.Counts.DistinctImages);
            Assert.Single(result.Report.ModelGroups);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
