/** A card with a heading and a message: the emulator's error and empty states. */
export function Notice({ title, message, role }: { title: string; message: string; role?: "alert" }) {
  return (
    <section
      role={role}
      aria-labelledby="notice-title"
      className="mx-auto w-full max-w-md rounded-xl border border-stone-200 bg-white p-6 shadow-sm"
    >
      <h1 id="notice-title" className="text-xl font-semibold">
        {title}
      </h1>
      <p className="mt-2 text-sm text-stone-700">{message}</p>
    </section>
  );
}
