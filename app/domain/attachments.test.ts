import { describe, expect, it } from "vitest";
import {
  ACCEPT_ATTRIBUTE,
  ATTACHMENT_LIMITS,
  attachmentDisposition,
  cleanFileName,
  formatFileSize,
  hasRoomFor,
  kindOf,
  problemMessage,
} from "./attachments";

describe("kindOf", () => {
  it("accepts PDF, JPEG, PNG and docx by their detected content, whatever the name says", () => {
    expect(kindOf({ ext: "pdf", mime: "application/pdf" }, "letter.txt")).toBe("pdf");
    expect(kindOf({ ext: "jpg", mime: "image/jpeg" }, "photo.png")).toBe("jpeg");
    expect(kindOf({ ext: "png", mime: "image/png" }, "scan")).toBe("png");
    expect(kindOf({ ext: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }, "x.pdf")).toBe("docx");
  });

  it("accepts a Compound File only when its name ends .doc", () => {
    const cfb = { ext: "cfb", mime: "application/x-cfb" };
    expect(kindOf(cfb, "Minutes.DOC")).toBe("doc");
    expect(kindOf(cfb, "budget.xls")).toBeNull();
    expect(kindOf(cfb, "setup.msi")).toBeNull();
    expect(kindOf(cfb, "minutes.doc.msi")).toBeNull();
  });

  it("refuses everything else, and content nothing recognised", () => {
    expect(kindOf(undefined, "letter.pdf")).toBeNull();
    expect(kindOf({ ext: "exe", mime: "application/x-msdownload" }, "photo.jpg")).toBeNull();
    expect(kindOf({ ext: "zip", mime: "application/zip" }, "letter.docx")).toBeNull();
    expect(kindOf({ ext: "xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, "a.docx")).toBeNull();
    expect(kindOf({ ext: "gif", mime: "image/gif" }, "a.gif")).toBeNull();
    expect(kindOf({ ext: "svg", mime: "image/svg+xml" }, "a.svg")).toBeNull();
  });
});

describe("cleanFileName", () => {
  it("keeps an ordinary name as it is", () => {
    expect(cleanFileName("Letter from school.pdf", "pdf")).toBe("Letter from school.pdf");
    expect(cleanFileName("IMG_2041.JPEG", "jpeg")).toBe("IMG_2041.jpeg");
    expect(cleanFileName("Zażółć gęślą jaźń.docx", "docx")).toBe("Zażółć gęślą jaźń.docx");
  });

  it("drops folders, whichever separator the browser used", () => {
    expect(cleanFileName("C:\\Users\\sam\\Documents\\letter.pdf", "pdf")).toBe("letter.pdf");
    expect(cleanFileName("../../etc/passwd.png", "png")).toBe("passwd.png");
    expect(cleanFileName("..", "png")).toBe("file.png");
  });

  it("removes control characters and invisible direction overrides", () => {
    expect(cleanFileName("evil\u202Egpj.exe", "jpeg")).toBe("evilgpj.exe.jpg");
    expect(cleanFileName("a\u0000b\u0007c\r\n.pdf", "pdf")).toBe("abc.pdf");
    expect(cleanFileName("zero\u200Bwidth.png", "png")).toBe("zerowidth.png");
  });

  it("replaces characters Windows refuses and trims dots and spaces", () => {
    expect(cleanFileName('  what "really" happened?.pdf  ', "pdf")).toBe("what _really_ happened_.pdf");
    expect(cleanFileName("...hidden.png", "png")).toBe("hidden.png");
  });

  it("gives the name the extension of what the file really is", () => {
    expect(cleanFileName("photo.exe", "jpeg")).toBe("photo.exe.jpg");
    expect(cleanFileName("scan", "png")).toBe("scan.png");
    expect(cleanFileName("", "pdf")).toBe("file.pdf");
    expect(cleanFileName("\u0000\u0001", "doc")).toBe("file.doc");
  });

  it("limits the length, keeping the extension and whole characters", () => {
    const long = cleanFileName(`${"a".repeat(300)}.docx`, "docx");
    expect(long).toHaveLength(ATTACHMENT_LIMITS.maxNameLength);
    expect(long.endsWith(".docx")).toBe(true);
    const emoji = cleanFileName(`${"😀".repeat(200)}.png`, "png");
    expect(Array.from(emoji)).toHaveLength(ATTACHMENT_LIMITS.maxNameLength);
    expect(emoji.endsWith(".png")).toBe(true);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe("limits and messages", () => {
  it("allows five files", () => {
    expect(hasRoomFor(0)).toBe(true);
    expect(hasRoomFor(4)).toBe(true);
    expect(hasRoomFor(5)).toBe(false);
  });

  it("names each problem's message key", () => {
    expect(problemMessage("tooLarge")).toBe("attachments.errors.tooLarge");
  });

  it("lists the allowed extensions for the file chooser", () => {
    expect(ACCEPT_ATTRIBUTE).toBe(".pdf,.jpg,.jpeg,.png,.doc,.docx");
  });

  it("formats sizes for people", () => {
    expect(formatFileSize(200)).toBe("200 bytes");
    expect(formatFileSize(1500)).toBe("1 KB");
    expect(formatFileSize(850 * 1024)).toBe("850 KB");
    expect(formatFileSize(2.45 * 1024 * 1024)).toBe("2.5 MB");
  });
});

describe("attachmentDisposition", () => {
  it("always downloads, with the exact name encoded and an ASCII fallback", () => {
    expect(attachmentDisposition("letter.pdf")).toBe(`attachment; filename="letter.pdf"; filename*=UTF-8''letter.pdf`);
    expect(attachmentDisposition("Zażółć (1).docx")).toBe(
      `attachment; filename="Za____ (1).docx"; filename*=UTF-8''Za%C5%BC%C3%B3%C5%82%C4%87%20%281%29.docx`,
    );
    expect(attachmentDisposition('a";b.pdf')).toBe(`attachment; filename="a__b.pdf"; filename*=UTF-8''a%22%3Bb.pdf`);
  });
});
