/** The callback page's backend snippets: Samco's published token-exchange samples, with this sandbox's URL and the code received. */
export function snippets(origin: string, code: string) {
  const url = `${origin}/oauth/token`;
  const q = JSON.stringify(code);
  const java = `import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class Sample {
  public static void main(String[] args) throws Exception {
    HttpClient client = HttpClient.newHttpClient();

    String requestBody = "{\\n" +
        "  \\"grant_type\\": \\"authorization_code\\",\\n" +
        "  \\"code\\": \\"${code}\\"\\n" +
        "}";

    HttpRequest request = HttpRequest.newBuilder()
        .uri(URI.create("${url}"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(requestBody))
        .build();

    HttpResponse<String> response =
        client.send(request, HttpResponse.BodyHandlers.ofString());
    System.out.println(response.body());
  }
}
`;
  const node = `(async () => {
  const response = await fetch('${url}', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Accept': 'application/json',
    },
    body: JSON.stringify({
      grant_type: 'authorization_code',
      code: ${q},
    }),
  });

  const data = await response.json();
  console.log(data);
})();
`;
  const python = `import requests

payload = {
  'grant_type': 'authorization_code',
  'code': ${q},
}

r = requests.post('${url}',
  headers={'Content-Type': 'application/json', 'Accept': 'application/json'},
  json=payload)

print(r.json())
`;
  return [
    { id: 'java', label: 'Java', code: java },
    { id: 'node', label: 'Node.js', code: node },
    { id: 'python', label: 'Python', code: python },
  ];
}
