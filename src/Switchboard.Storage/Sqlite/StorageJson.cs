using System.Text.Json;

namespace Switchboard.Storage.Sqlite;

internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
