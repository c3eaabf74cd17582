using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

public sealed class ModelNamesTests
{
    [Theory]
    [InlineData("stable_diffusion_12_0.png", "stable_diffusion")]
    [InlineData("flux_3_1.jpeg", "flux")]
    [InlineData("flux/anything.png", "flux")]
    [InlineData("images/flux/flux_1_0.png", "flux")]
    [InlineData(@"sd3\sd3_1_0.png", "sd3")]
    [InlineData("dall_e_3.png", "dall_e_3")]
    [InlineData("_1_2.png", "_1_2")]
    [InlineData("model_a_x_1.png", "model_a_x_1")]
    public void FromImagePath_SeedNamingOrFolder_ReturnsModel(string path, string model)
    {
        Assert.Equal(model, ModelNames.FromImagePath(path));
    }
}
