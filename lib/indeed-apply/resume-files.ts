// Small but real resume files for the samples: a PDF a viewer opens, a DOCX Word opens (a ZIP
// of the three parts WordprocessingML needs, stored uncompressed), and plain text. Each sample
// carries one Base64-encoded, the way Indeed delivers an uploaded resume.
import { crc32 } from "node:zlib";

const RESUME_LINES = [
  "Jordan Rivera",
  "Austin, TX · jordan.rivera@example.com",
  "Senior Warehouse Associate",
  "2019-2026  Lone Star Logistics: forklift operator, shift lead for 12 associates",
  "2016-2019  Hill Country Foods: picker and packer, inventory counts",
  "Certifications: OSHA forklift (2025), First Aid/CPR",
];

export function resumeText(): Uint8Array {
  return Buffer.from(`${RESUME_LINES.join("\n")}\n`, "utf8");
}

/** A one-page PDF 1.4 with the resume as text in Helvetica, with a correct xref table. */
export function resumePdf(): Uint8Array {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/·/g, "-");
  const text = RESUME_LINES.map((line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 72 ${740 - i * 20} Td (${escape(line)}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

export function resumeDocx(): Uint8Array {
  const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const paragraphs = RESUME_LINES.map((line) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(line)}</w:t></w:r></w:p>`).join("");
  return storedZip([
    [
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    [
      "word/document.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`,
    ],
  ]);
}

/**
 * The fields a local header and a central directory entry share, from `at`: time, date, CRC-32,
 * the compressed and uncompressed sizes (equal: stored) and the name's length.
 */
function writeEntryFields(header: Buffer, at: number, entry: { dosTime: number; dosDate: number; crc: number; size: number; nameLength: number }) {
  header.writeUInt16LE(entry.dosTime, at);
  header.writeUInt16LE(entry.dosDate, at + 2);
  header.writeUInt32LE(entry.crc, at + 4);
  header.writeUInt32LE(entry.size, at + 8);
  header.writeUInt32LE(entry.size, at + 12);
  header.writeUInt16LE(entry.nameLength, at + 16);
}

/** A ZIP archive with its entries stored (method 0), local headers, central directory and end record. */
export function storedZip(entries: Array<[name: string, content: string]>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // 1 January 2026, 00:00, in MS-DOS date/time form: a fixed date keeps the bytes reproducible.
  const dosTime = 0;
  const dosDate = ((2026 - 1980) << 9) | (1 << 5) | 1;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(content, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8);
    const entry = { dosTime, dosDate, crc, size: data.length, nameLength: nameBytes.length };
    writeEntryFields(local, 10, entry);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    writeEntryFields(central, 12, entry);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
