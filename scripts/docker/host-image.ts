// Base images made on this machine, since no registry can be pulled from here: a root file system holding a few of
// the host's own programs (Debian's, or the Node that runs this script) with exactly the shared libraries they
// load, imported with `docker import`. Enough for the image under test and for compose's haproxy and Redis.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface HostProgram {
  /** The program on this machine. */
  from: string;
  /** Where it goes in the image (a directory on PATH). */
  to: string;
}

/** The files a dynamically linked program loads, as `ldd` resolves them here. */
function sharedLibraries(program: string): string[] {
  const lines = execFileSync('ldd', [program], { encoding: 'utf8' }).split('\n');
  return lines.flatMap((line) => {
    const path = /(?:=>\s*)?(\/\S+)\s+\(0x/.exec(line)?.[1];
    return path ? [path] : [];
  });
}

/** Builds the image `tag` from `programs`; users root and node (uid 1000, as in the official Node images). */
export function importHostImage(tag: string, programs: HostProgram[]): void {
  const root = mkdtempSync(join(tmpdir(), 'hcmcp-rootfs-'));
  try {
    const place = (from: string, to: string) => {
      mkdirSync(dirname(join(root, to)), { recursive: true });
      copyFileSync(from, join(root, to));
      chmodSync(join(root, to), 0o755);
    };
    for (const program of programs) {
      place(program.from, program.to);
      for (const library of sharedLibraries(program.from)) place(library, library);
    }
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/sbin/nologin\nnode:x:1000:1000:node:/home/node:/sbin/nologin\n');
    writeFileSync(join(root, 'etc/group'), 'root:x:0:\nnode:x:1000:\n');
    mkdirSync(join(root, 'tmp'));
    chmodSync(join(root, 'tmp'), 0o1777);
    mkdirSync(join(root, 'home/node'), { recursive: true });
    chownSync(join(root, 'home/node'), 1000, 1000);
    const tar = execFileSync('tar', ['-C', root, '-c', '.'], { maxBuffer: 1 << 30 });
    execFileSync('docker', ['import', '--change', 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', '-', tag], {
      input: tar,
      stdio: ['pipe', 'ignore', 'inherit'],
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
