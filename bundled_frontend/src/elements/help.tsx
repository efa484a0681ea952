/**
 * `st.help` (and `st.write` of a function, class, module or plain object): the
 * object's name and type, its signature or repr, its docstring, and a table of
 * its public members — data attributes with their values, then what can be
 * called with the first line of its docstring (the whole one on hover).
 */
import type { ElementProps } from "../render/types";

function firstLine(doc: string): string {
  return doc.split("\n", 1)[0] ?? "";
}

export function HelpPanel({ value }: ElementProps<"help">) {
  return (
    <section class="rl-doc" aria-label={`Help on ${value.name || value.type}`}>
      <header class="rl-doc-head">
        {value.name && <code class="rl-doc-name">{value.name}</code>}
        <span class="rl-doc-type">{value.type}</span>
      </header>
      {value.value && <pre class="rl-doc-value">{value.value}</pre>}
      {value.doc && <pre class="rl-doc-doc">{value.doc}</pre>}
      {value.members.length > 0 && (
        <table class="rl-doc-members">
          <tbody>
            {value.members.map((member) => (
              <tr key={member.name}>
                <th scope="row">
                  <code>{member.name}</code>
                </th>
                <td class="rl-doc-type">{member.type}</td>
                <td title={member.doc || undefined}>
                  {member.value ? <code>{member.value}</code> : firstLine(member.doc)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
