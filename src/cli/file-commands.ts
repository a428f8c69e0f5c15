import * as fs from 'node:fs';
import { Command } from 'commander';
import { offlineProblems, out, urlOption, withBackend } from './command-kit';
import { documentText } from './document-output';
import { updatedFileText } from './file-update';
import { parseSource } from './source-file';

/** `pull`: the files of a repository kept up with the blueprints on the server. */

/** A file's format by its name: JSON for .json, YAML otherwise. */
const formatOf = (file: string): 'yaml' | 'json' => (/\.json$/i.test(file) ? 'json' : 'yaml');

export function addFileCommands(program: Command): void {
  program
    .command('pull')
    .description(
      "Write the server's current version of a blueprint into its file, changing only what differs: " +
        'comments, key order and layout of a YAML file stay, so that git shows the real changes. A file that is not there is written as export writes it.',
    )
    .argument('<key>', 'the blueprint key')
    .argument('<file>', 'the YAML or JSON file to bring up to date')
    .addOption(urlOption())
    .action(async (key: string, file: string, options: { url?: string }) => {
      const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
      if (existing !== undefined) {
        // A file that does not parse cannot be changed in place: it is left for its author to mend.
        const source = parseSource(file, existing);
        if (source.syntaxError) {
          offlineProblems(source).forEach((line) => out(line));
          throw new Error(`${file} was left as it is: mend its syntax, or remove it to write it anew`);
        }
      }
      const { document, version } = await withBackend(options, (backend) => backend.versionedDocument(key));
      if (existing === undefined) {
        fs.writeFileSync(file, documentText(document, formatOf(file)));
        out(`wrote ${file} (${key}, version ${version})`);
        return;
      }
      const text = updatedFileText(existing, document, formatOf(file));
      if (text === existing) {
        out(`${file} is up to date (${key}, version ${version})`);
        return;
      }
      fs.writeFileSync(file, text);
      out(`updated ${file} (${key}, version ${version})`);
    });
}
