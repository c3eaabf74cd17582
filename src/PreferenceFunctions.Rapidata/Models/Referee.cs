using System.Text.Json.Serialization;

namespace PreferenceFunctions.Rapidata.Models;

/// <summary>Decides how many votes a pair collects; serialised with the <c>_t</c> names of Rapidata's <c>IReferee</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "_t")]
[JsonDerivedType(typeof(NaiveReferee), "NaiveReferee")]
[JsonDerivedType(typeof(QuorumReferee), "QuorumReferee")]
[JsonDerivedType(typeof(EarlyStoppingReferee), "EarlyStoppingReferee")]
public abstract record Referee;
