package io.c8kit.runtime.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConnectorDocsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void aSourcePageListsSettingsAndStreams() throws Exception {
    JsonNode spec =
        json(
            """
        {"connectionSpecification":{"type":"object","required":["host"],"properties":{
          "names":{"type":"array","items":{"type":"string"},"default":["Ada"],"order":1,"description":"Who | to greet."},
          "host":{"type":"string","order":0,"description":"Server.","examples":["db.example.com"]},
          "api_token":{"type":"string","airbyte_secret":true,"order":2},
          "auth":{"type":"object","order":3,"oneOf":[
            {"title":"Key","required":["kind","key"],"properties":{"kind":{"type":"string","const":"key"},
             "key":{"type":"string","airbyte_secret":true}}}]}}}}""");
    JsonNode catalog =
        json(
            """
        {"streams":[{"name":"users","json_schema":{"type":"object","properties":{
          "updated_at":{"type":["string","null"],"format":"date-time","airbyte_type":"timestamp_with_timezone"},
          "id":{"type":"integer","description":"Key."},
          "address":{"type":["object","null"],"properties":{"zip":{"type":["string","null"]}}},
          "tags":{"type":["array","null"],"items":{"type":["string","null"]}}}},
          "supported_sync_modes":["full_refresh","incremental"],
          "source_defined_primary_key":[["id"]],"default_cursor_field":["updated_at"]}]}""");
    assertEquals(
        """
        # Hello (source-hello 0.1.0)

        Greets people.

        ## Settings

        | setting | type | required | default | secret | description | examples |
        |---|---|---|---|---|---|---|
        | `host` | string | yes |  |  | Server. | `db.example.com` |
        | `names` | array of string | no | `["Ada"]` |  | Who \\| to greet. |  |
        | `api_token` | string | no |  | yes |  |  |
        | `auth` | one of: `key` | no |  |  |  |  |
        | `auth.key: key` | string | yes |  | yes |  |  |
        | `auth.key: kind` | string | yes |  |  |  |  |

        ## Streams

        ### users

        - primary key: `id`
        - cursor: `updated_at`
        - sync modes: `full_refresh`, `incremental`

        | field | type | description |
        |---|---|---|
        | `address` | object |  |
        | `address.zip` | string |  |
        | `id` | integer | Key. |
        | `tags` | array of string |  |
        | `updated_at` | string (timestamp_with_timezone) |  |
        """,
        ConnectorDocs.markdown("Hello (source-hello 0.1.0)", "Greets people.", spec, catalog));
  }

  @Test
  void aDestinationPageListsItsSyncModesAndNoStreams() throws Exception {
    JsonNode spec =
        json(
            "{\"connectionSpecification\":{\"properties\":{}},"
                + "\"supported_destination_sync_modes\":[\"append\",\"overwrite\"]}");
    assertEquals(
        "# D\n\n## Settings\n\nNo settings: the config is `{}`.\n\n## Sync modes\n\n`append`, `overwrite`\n",
        ConnectorDocs.markdown("D", "", spec, null));
  }
}
