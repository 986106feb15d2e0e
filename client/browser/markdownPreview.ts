// Runs inside VS Code's built-in markdown preview (contributes.markdown.previewScripts): draws every
// ```mermaid block — the timeline diagram Release Plan Tools writes, and any other — with the bundled
// mermaid, offline, at mermaid's strict security level. The preview re-renders on each edit and says
// so with `vscode.markdown.updateContent`.
import mermaid from 'mermaid';

const dark = () => document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
let counter = 0;

async function renderAll(): Promise<void> {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark() ? 'dark' : 'default' });
  const blocks = [...document.querySelectorAll<HTMLElement>('pre > code.language-mermaid')];
  for (const code of blocks) {
    const pre = code.parentElement;
    if (!pre) continue;
    const source = code.textContent ?? '';
    const holder = document.createElement('div');
    holder.className = 'release-plan-mermaid';
    try {
      const { svg } = await mermaid.render(`release-plan-mermaid-${counter++}`, source);
      // mermaid's output at securityLevel 'strict' (labels escaped, no scripts or links)
      holder.innerHTML = svg;
      pre.replaceWith(holder);
    } catch (err) {
      const note = document.createElement('div');
      note.className = 'release-plan-mermaid-error';
      note.textContent = `mermaid: ${err instanceof Error ? err.message : String(err)}`;
      pre.after(note);
    }
  }
}

window.addEventListener('vscode.markdown.updateContent', () => void renderAll());
void renderAll();
