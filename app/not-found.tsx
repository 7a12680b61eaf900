import NotFound from "./(dashboard)/not-found";

/** An unknown URL outside the dashboard's routes: the same page, framed on its own. */
export default function RootNotFound() {
  return (
    <main id="main" className="standalone">
      <NotFound />
    </main>
  );
}
