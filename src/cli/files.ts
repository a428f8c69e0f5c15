import * as fs from 'node:fs';
import * as path from 'node:path';

const DOCUMENT_FILE = /\.(ya?ml|json)$/i;

/** The blueprint files named, with folders walked (sorted, so runs are repeatable). */
export function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  const visit = (entry: string) => {
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${entry}: no such file or folder`);
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry).sort()) {
        const full = path.join(entry, child);
        if (fs.statSync(full).isDirectory() || DOCUMENT_FILE.test(child)) visit(full);
      }
    } else {
      files.push(entry);
    }
  };
  paths.forEach(visit);
  return files;
}
