// Every back office address no other route answers: "Page not found" inside the staff layout
// (its error boundary), so the header and the person's menu stay. Thrown, like the root's splat,
// so the address is never logged.
export function loader(): never {
  throw new Response("Not Found", { status: 404 });
}

export default function StaffNotFound() {
  return null;
}
